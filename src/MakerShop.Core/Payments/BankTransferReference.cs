using System.Security.Cryptography;

namespace MakerShop.Core;

/// <summary>
/// The reference a customer writes on a bank transfer: short, unambiguous when read aloud or retyped (no 0/O, 1/I),
/// and with a check character so the owner spots a mistyped one before matching it to the wrong order.
/// </summary>
public static class BankTransferReference
{
    // 31 symbols: a prime count, so the weighted check below catches every single substitution and adjacent swap.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ2345678";

    public static string New()
    {
        Span<char> body = stackalloc char[8];
        for (var i = 0; i < body.Length; i++)
        {
            body[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return Format(body);
    }

    public static bool IsValid(string? reference)
    {
        var compact = (reference ?? "").Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (!compact.StartsWith("MS", StringComparison.Ordinal) || compact.Length != 11)
        {
            return false;
        }

        var body = compact.AsSpan(2, 8);
        foreach (var c in body)
        {
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return compact[10] == CheckCharacter(body);
    }

    private static string Format(ReadOnlySpan<char> body) => $"MS-{body[..4]}-{body[4..]}{CheckCharacter(body)}";

    // Weighted sum modulo the (prime) alphabet size, weights 1..8: a changed character or two swapped neighbours always
    // change the sum, because neither a weight nor a difference of symbols is a multiple of 31.
    private static char CheckCharacter(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            sum += (i + 1) * Alphabet.IndexOf(body[i], StringComparison.Ordinal);
        }

        return Alphabet[sum % Alphabet.Length];
    }
}
