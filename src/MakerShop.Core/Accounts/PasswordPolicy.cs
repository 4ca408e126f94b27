namespace MakerShop.Core;

/// <summary>
/// What a password must be to protect an account that can move money and stop printers: long rather than clever
/// (length beats composition rules), not the e-mail address, and not one character repeated.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;
    public const int MinimumDifferentCharacters = 5;

    public static void Check(string? password, string email)
    {
        switch (Find(password, email))
        {
            case PasswordProblem.TooShort:
                throw new DomainValidationException("password", $"A password needs at least {MinimumLength} characters.");
            case PasswordProblem.TooLong:
                throw new DomainValidationException("password", $"A password may have at most {MaximumLength} characters.");
            case PasswordProblem.TooFewDifferentCharacters:
                throw new DomainValidationException("password", "A password needs at least five different characters.");
            case PasswordProblem.IsTheEmailAddress:
                throw new DomainValidationException("password", "A password cannot be the e-mail address.");
        }
    }

    /// <summary>The first rule the password breaks, or null when it is acceptable.</summary>
    public static PasswordProblem? Find(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            return PasswordProblem.TooShort;
        }

        if (password.Length > MaximumLength)
        {
            return PasswordProblem.TooLong;
        }

        if (string.IsNullOrWhiteSpace(password) || password.Distinct().Count() < MinimumDifferentCharacters)
        {
            return PasswordProblem.TooFewDifferentCharacters;
        }

        if (string.Equals(password.Trim(), email?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return PasswordProblem.IsTheEmailAddress;
        }

        return null;
    }
}
