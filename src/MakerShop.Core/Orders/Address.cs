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
    /// rules (an assigned country code, required fields, postal code pattern) or the <see cref="InputLimits"/> (length,
    /// no line breaks or other control characters).</summary>
    public static void Validate(Address? address, string field = "shippingAddress")
    {
        if (address is null)
        {
            throw new DomainValidationException(field, "An address is required.");
        }

        if (!CountryCodes.IsAssigned(address.CountryCode))
        {
            throw new DomainValidationException(
                $"{field}.countryCode",
                $"'{Shown(address.CountryCode)}' is not an assigned ISO 3166-1 alpha-2 country code (two upper-case letters, such as FR or US).");
        }

        foreach (var (value, name, what, max) in Fields(address))
        {
            InputLimits.Require(value, max, $"{field}.{name}", what);
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
                $"'{Shown(address.PostalCode)}' is not a postal code of {address.CountryCode}{example}.");
        }

        if (format.RequiresRegion)
        {
            Guard.NotBlank(address.Region, $"{field}.region", $"The {format.RegionLabel}");
        }
    }

    /// <summary>Each text field with its name, its wording and its <see cref="InputLimits"/> maximum length.</summary>
    internal static IEnumerable<(string? Value, string Name, string What, int MaxLength)> Fields(Address address)
    {
        yield return (address.Name, "name", "The recipient's name", InputLimits.NameLength);
        yield return (address.Line1, "line1", "The first address line", InputLimits.AddressLineLength);
        yield return (address.Line2, "line2", "The second address line", InputLimits.AddressLineLength);
        yield return (address.City, "city", "The city", InputLimits.CityLength);
        yield return (address.PostalCode, "postalCode", "The postal code", InputLimits.PostalCodeLength);
        yield return (address.Region, "region", "The region", InputLimits.RegionLength);
    }

    // A refused value is quoted back in the message: never a megabyte of it.
    private static string Shown(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";
}
