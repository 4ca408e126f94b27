namespace MakerShop.Core;

/// <summary>
/// What a password must be to protect an account that can move money and stop printers: long rather than clever
/// (length beats composition rules), not the e-mail address, and not one character repeated.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;

    public static void Check(string? password, string email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            throw new DomainValidationException("password", $"A password needs at least {MinimumLength} characters.");
        }

        if (password.Length > MaximumLength)
        {
            throw new DomainValidationException("password", $"A password may have at most {MaximumLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(password) || password.Distinct().Count() < 5)
        {
            throw new DomainValidationException("password", "A password needs at least five different characters.");
        }

        if (string.Equals(password.Trim(), email?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainValidationException("password", "A password cannot be the e-mail address.");
        }
    }
}
