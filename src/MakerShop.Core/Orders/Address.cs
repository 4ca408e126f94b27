namespace MakerShop.Core;

/// <summary>A postal address; <paramref name="CountryCode"/> is ISO 3166-1 alpha-2, upper case.</summary>
public sealed record Address(
    string Name,
    string Line1,
    string? Line2,
    string City,
    string PostalCode,
    string? Region,
    string CountryCode)
{
    /// <summary>Throws a <see cref="DomainValidationException"/> naming the first bad field.</summary>
    public static void Validate(Address? address, string field = "shippingAddress")
    {
        if (address is null)
        {
            throw new DomainValidationException(field, "An address is required.");
        }

        Guard.NotBlank(address.Name, $"{field}.name", "The recipient's name");
        Guard.NotBlank(address.Line1, $"{field}.line1", "The first address line");
        Guard.NotBlank(address.City, $"{field}.city", "The city");
        Guard.NotBlank(address.PostalCode, $"{field}.postalCode", "The postal code");
        if (!Guard.IsCountryCode(address.CountryCode))
        {
            throw new DomainValidationException(
                $"{field}.countryCode",
                $"'{address.CountryCode}' is not an ISO 3166-1 alpha-2 country code (two upper-case letters).");
        }
    }
}
