namespace MakerShop.Core;

internal static class Guard
{
    public static string NotBlank(string? value, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainValidationException(field, $"{what} is required.");
        }

        return value;
    }

    public static bool IsCountryCode(string? value) =>
        value is { Length: 2 } && char.IsAsciiLetterUpper(value[0]) && char.IsAsciiLetterUpper(value[1]);
}
