namespace MakerShop.Core;

/// <summary>
/// A customs territory: the area inside which goods move without a customs declaration. Most countries are their own;
/// the EU customs union and Switzerland with Liechtenstein are the ones a parcel shop meets every day.
/// </summary>
public sealed record CustomsTerritory(string Code, string Name)
{
    public static readonly CustomsTerritory EuropeanUnion = new("EU", "European Union customs union");
    public static readonly CustomsTerritory SwitzerlandLiechtenstein = new("CH-LI", "Switzerland and Liechtenstein");

    // EU27. Monaco is inside the EU customs territory through France; San Marino has its own customs union with the EU.
    // Turkey's customs union with the EU covers industrial goods only and still needs a declaration, so it stays apart.
    private static readonly HashSet<string> EuCustomsUnion =
    [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
        "MC", "SM",
    ];

    private static readonly HashSet<string> EuMembers =
    [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    ];

    /// <summary>The territory of an ISO 3166-1 alpha-2 country. Region exceptions (Canary Islands, Åland, the Channel
    /// Islands) need the postal code and are decided by the tax and customs rules, not here.</summary>
    public static CustomsTerritory Of(string countryCode)
    {
        var code = RequireCountry(countryCode, nameof(countryCode));
        if (EuCustomsUnion.Contains(code))
        {
            return EuropeanUnion;
        }

        return code is "CH" or "LI" ? SwitzerlandLiechtenstein : new CustomsTerritory(code, code);
    }

    /// <summary>True when a parcel from one country to the other needs a customs declaration.</summary>
    public static bool CrossesBorder(string fromCountry, string toCountry) => Of(fromCountry) != Of(toCountry);

    /// <summary>True for the 27 member states of the European Union (VAT, OSS and IOSS rules apply).</summary>
    public static bool IsEuMember(string countryCode) => EuMembers.Contains(RequireCountry(countryCode, nameof(countryCode)));

    /// <summary>How far apart two countries are for a parcel: same country, same customs territory, or across a border.</summary>
    public static ShippingProximity ProximityOf(string fromCountry, string toCountry)
    {
        var from = RequireCountry(fromCountry, nameof(fromCountry));
        var to = RequireCountry(toCountry, nameof(toCountry));
        if (from == to)
        {
            return ShippingProximity.Domestic;
        }

        return CrossesBorder(from, to) ? ShippingProximity.CrossBorder : ShippingProximity.SameCustomsTerritory;
    }

    private static string RequireCountry(string? countryCode, string field) =>
        Guard.IsCountryCode(countryCode)
            ? countryCode!
            : throw new DomainValidationException(field, $"'{countryCode}' is not an ISO 3166-1 alpha-2 country code (two upper-case letters).");
}
