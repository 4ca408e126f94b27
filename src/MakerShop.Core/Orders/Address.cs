namespace MakerShop.Core;

/// <summary>A postal address; <paramref name="CountryCode"/> is ISO 3166-1 alpha-2, upper case. The lines are kept as
/// the customer typed them, for the label.</summary>
public sealed record Address(
    string Name,
    string Line1,
    string? Line2,
    string City,
    string PostalCode,
    string? Region,
    string CountryCode)
{
    /// <summary>Throws a <see cref="DomainValidationException"/> naming the first field that does not fit the country's
    /// rules (required fields, postal code pattern).</summary>
    public static void Validate(Address? address, string field = "shippingAddress")
    {
        if (address is null)
        {
            throw new DomainValidationException(field, "An address is required.");
        }

        if (!Guard.IsCountryCode(address.CountryCode))
        {
            throw new DomainValidationException(
                $"{field}.countryCode",
                $"'{address.CountryCode}' is not an ISO 3166-1 alpha-2 country code (two upper-case letters).");
        }

        var format = AddressFormats.For(address.CountryCode);
        Guard.NotBlank(address.Name, $"{field}.name", "The recipient's name");
        Guard.NotBlank(address.Line1, $"{field}.line1", "The first address line");
        if (format.RequiresCity)
        {
            Guard.NotBlank(address.City, $"{field}.city", "The city");
        }

        if (format.RequiresPostalCode)
        {
            Guard.NotBlank(address.PostalCode, $"{field}.postalCode", "The postal code");
        }

        if (!format.AcceptsPostalCode(address.PostalCode))
        {
            var example = format.PostalCodeExample is null ? "" : $" (for example {format.PostalCodeExample})";
            throw new DomainValidationException(
                $"{field}.postalCode",
                $"'{address.PostalCode}' is not a postal code of {address.CountryCode}{example}.");
        }

        if (format.RequiresRegion)
        {
            Guard.NotBlank(address.Region, $"{field}.region", $"The {format.RegionLabel}");
        }
    }
}
