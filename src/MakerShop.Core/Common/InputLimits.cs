namespace MakerShop.Core;

/// <summary>
/// How long the words people type may be, and which characters they may not hold, in one place: names and address
/// lines end up on labels, customs forms and e-mails, where a 25 MB name or a line break inside a postal code breaks
/// what prints or what a carrier's system accepts. Lengths follow what carriers print (e-mail: RFC 5321's 254).
/// </summary>
public static class InputLimits
{
    public const int NameLength = 200;
    public const int AddressLineLength = 200;
    public const int CityLength = 100;
    public const int RegionLength = 100;
    public const int PostalCodeLength = 20;
    public const int EmailLength = 254;

    /// <summary>What is wrong with a typed text, or null when it is within its limit and holds only printable characters.</summary>
    public static TextProblem? Check(string? value, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            return TextProblem.TooLong;
        }

        foreach (var c in value)
        {
            // Control characters (newline, tab, NUL ...) and the Unicode line and paragraph separators.
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return TextProblem.ControlCharacter;
            }
        }

        return null;
    }

    /// <summary>Throws a <see cref="DomainValidationException"/> naming <paramref name="field"/> when <see cref="Check"/> finds a problem.</summary>
    public static void Require(string? value, int maxLength, string field, string what)
    {
        switch (Check(value, maxLength))
        {
            case TextProblem.TooLong:
                throw new DomainValidationException(field, $"{what} is at most {maxLength} characters.");
            case TextProblem.ControlCharacter:
                throw new DomainValidationException(field, $"{what} contains a line break or another control character.");
        }
    }
}
