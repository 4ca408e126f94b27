namespace MakerShop.Core;

/// <summary>Harmonized System codes, stored as digits only (6 internationally, up to 10 nationally).</summary>
public static class HsCode
{
    /// <summary>3926.90, "other articles of plastics": the catch-all for printed plastic parts.</summary>
    public const string Default = "392690";

    public static string Normalise(string? code, string field = "hsCode")
    {
        var digits = new string((code ?? string.Empty).Where(c => c is not ('.' or ' ')).ToArray());
        if (digits.Length is < 6 or > 10 || !digits.All(char.IsAsciiDigit))
        {
            throw new DomainValidationException(field, $"'{code}' is not an HS code: use 6 to 10 digits, e.g. 3926.90.");
        }

        return digits;
    }

    /// <summary>"392690" as people write it: "3926.90".</summary>
    public static string Display(string digits) =>
        digits.Length >= 6 ? digits[..4] + "." + digits[4..] : digits;
}
