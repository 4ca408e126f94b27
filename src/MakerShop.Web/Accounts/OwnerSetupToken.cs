using System.Security.Cryptography;
using System.Text;

namespace MakerShop.Web.Accounts;

/// <summary>
/// The secret in the first-run set-up link: 32 random bytes (256 bits) as URL-safe base64. Only its SHA-256 hash is
/// stored, and a candidate is compared with <see cref="CryptographicOperations.FixedTimeEquals"/>.
/// </summary>
public static class OwnerSetupToken
{
    private const int Bytes = 32;

    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(Bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>True when the candidate's hash equals one of the stored hashes; every stored hash is compared, in constant time.</summary>
    public static bool MatchesAny(string? candidate, IEnumerable<string> storedHashes)
    {
        ArgumentNullException.ThrowIfNull(storedHashes);
        // Hashing first gives every comparison the same length, whatever was sent.
        var sent = Encoding.ASCII.GetBytes(Hash(candidate ?? ""));
        var found = false;
        foreach (var stored in storedHashes)
        {
            found |= CryptographicOperations.FixedTimeEquals(sent, Encoding.ASCII.GetBytes(stored));
        }

        // An empty candidate never opens the page, even if someone stored the hash of "".
        return found && !string.IsNullOrEmpty(candidate);
    }
}
