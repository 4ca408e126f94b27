using System.Security.Cryptography;
using System.Text;

namespace MakerShop.Web.Devices;

/// <summary>
/// Printer secrets are 256 random bits, so a single SHA-256 is as hard to reverse as the secret itself;
/// only the hash is stored, and comparisons are constant-time.
/// </summary>
public static class DeviceSecrets
{
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Verify(string? secret, string? storedHash)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(storedHash))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));
    }
}
