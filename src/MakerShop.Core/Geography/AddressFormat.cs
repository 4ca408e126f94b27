using System.Text.RegularExpressions;

namespace MakerShop.Core;

/// <summary>
/// What a country's addresses need: which fields are required and what a postal code looks like. Countries without a
/// postal system (Hong Kong, the Emirates) have no pattern and never require one.
/// </summary>
public sealed record AddressFormat(
    string CountryCode,
    bool RequiresCity,
    bool RequiresRegion,
    bool RequiresPostalCode,
    Regex? PostalCodePattern,
    string? PostalCodeExample,
    string RegionLabel = "state or province")
{
    /// <summary>Trims, collapses inner spaces and upper-cases, as carriers print postal codes.</summary>
    public static string NormalisePostalCode(string? postalCode) =>
        string.Join(' ', (postalCode ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToUpperInvariant();

    public bool AcceptsPostalCode(string? postalCode)
    {
        var normalised = NormalisePostalCode(postalCode);
        if (normalised.Length == 0)
        {
            return !RequiresPostalCode;
        }

        return PostalCodePattern is null || PostalCodePattern.IsMatch(normalised);
    }
}
