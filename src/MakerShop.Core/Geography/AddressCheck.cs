namespace MakerShop.Core;

/// <summary>
/// Every problem of an address at once, by field, under the same rules as <see cref="Address.Validate"/> (which stops at
/// the first): a checkout form marks all the fields to correct in one round trip.
/// </summary>
public static class AddressCheck
{
    public static IReadOnlyList<AddressProblem> Problems(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var problems = new List<AddressProblem>();
        foreach (var (value, name, _, max) in Address.Fields(address))
        {
            switch (InputLimits.Check(value, max))
            {
                case TextProblem.TooLong:
                    problems.Add(new AddressProblem(name, AddressProblemKind.TooLong, max.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    break;
                case TextProblem.ControlCharacter:
                    problems.Add(new AddressProblem(name, AddressProblemKind.ControlCharacter));
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(address.Name))
        {
            problems.Add(new AddressProblem("name", AddressProblemKind.Required));
        }

        if (string.IsNullOrWhiteSpace(address.Line1))
        {
            problems.Add(new AddressProblem("line1", AddressProblemKind.Required));
        }

        if (!CountryCodes.IsAssigned(address.CountryCode))
        {
            problems.Add(new AddressProblem("countryCode", AddressProblemKind.UnknownCountry));
            return problems;
        }

        var format = AddressFormats.For(address.CountryCode);
        if (format.RequiresCity && string.IsNullOrWhiteSpace(address.City))
        {
            problems.Add(new AddressProblem("city", AddressProblemKind.Required));
        }

        if (format.RequiresPostalCode && string.IsNullOrWhiteSpace(address.PostalCode))
        {
            problems.Add(new AddressProblem("postalCode", AddressProblemKind.Required, format.PostalCodeExample));
        }
        else if (!format.AcceptsPostalCode(address.PostalCode) && problems.All(p => p.Field != "postalCode"))
        {
            problems.Add(new AddressProblem("postalCode", AddressProblemKind.NotAPostalCode, format.PostalCodeExample));
        }

        if (format.RequiresRegion && string.IsNullOrWhiteSpace(address.Region))
        {
            problems.Add(new AddressProblem("region", AddressProblemKind.Required, format.RegionLabel));
        }

        return problems;
    }
}
