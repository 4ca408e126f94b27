using System.Security.Cryptography;
using System.Text;

namespace MakerShop.Shipping.Tracking;

/// <summary>HMAC helpers shared by the providers; every comparison is constant-time.</summary>
internal static class Signatures
{
    public static byte[] HmacSha256(string secret, ReadOnlySpan<byte> message) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);

    public static bool HexEquals(byte[] expected, string? presentedHex)
    {
        if (presentedHex is null || presentedHex.Length != expected.Length * 2)
        {
            return false;
        }

        byte[] presented;
        try
        {
            presented = Convert.FromHexString(presentedHex);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    public static bool Base64Equals(byte[] expected, string? presentedBase64)
    {
        if (presentedBase64 is null)
        {
            return false;
        }

        var presented = new byte[expected.Length + 4];
        return Convert.TryFromBase64String(presentedBase64.Trim(), presented, out var written)
            && written == expected.Length
            && CryptographicOperations.FixedTimeEquals(expected, presented.AsSpan(0, written));
    }

    public static bool TextEquals(string expected, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}
