using System.Security.Cryptography;
using MakerShop.Core;

namespace MakerShop.Web.Accounts;

/// <summary>
/// A password the owner reads to a maker (phone, chat): four groups of four from an alphabet without look-alikes
/// (no 0/o, 1/l/i), about 78 bits of randomness, and it passes <see cref="PasswordPolicy"/>.
/// </summary>
public static class TemporaryPassword
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static string New()
    {
        while (true)
        {
            var groups = Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 4));
            var password = string.Join('-', groups);
            // Sixteen random characters with fewer than five different ones is possible, if very unlikely.
            if (PasswordPolicy.Find(password, null) is null)
            {
                return password;
            }
        }
    }
}
