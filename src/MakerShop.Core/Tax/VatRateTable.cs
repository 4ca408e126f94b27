namespace MakerShop.Core;

/// <summary>Effective-dated standard rates per country; the table is configuration, the choice of rate is a rule.</summary>
public sealed class VatRateTable
{
    private readonly Dictionary<string, List<VatRate>> byCountry = new(StringComparer.Ordinal);

    public VatRateTable(IEnumerable<VatRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        foreach (var rate in rates)
        {
            if (!Guard.IsCountryCode(rate.CountryCode))
            {
                throw new DomainValidationException("vatRates.countryCode", $"'{rate.CountryCode}' is not an ISO 3166-1 alpha-2 country code.");
            }

            if (rate.Rate is < 0m or >= 1m)
            {
                throw new DomainValidationException("vatRates.rate", $"The rate {rate.Rate} for {rate.CountryCode} must be a fraction between 0 and 1.");
            }

            if (!byCountry.TryGetValue(rate.CountryCode, out var list))
            {
                byCountry[rate.CountryCode] = list = [];
            }

            if (list.Any(other => Overlaps(other, rate)))
            {
                throw new DomainValidationException("vatRates", $"Two rates for {rate.CountryCode} overlap from {rate.From:yyyy-MM-dd}.");
            }

            list.Add(rate);
        }
    }

    /// <summary>The rate on the tax point date, or null when the country has none on file.</summary>
    public VatRate? Find(string countryCode, DateOnly taxPoint) =>
        byCountry.TryGetValue(countryCode, out var list) ? list.FirstOrDefault(r => r.AppliesOn(taxPoint)) : null;

    /// <summary>The rate on the tax point date; a missing rate is a configuration error, never a silent zero.</summary>
    public VatRate Require(string countryCode, DateOnly taxPoint) =>
        Find(countryCode, taxPoint)
        ?? throw new DomainException($"No VAT rate for {countryCode} on {taxPoint:yyyy-MM-dd} is configured.");

    private static bool Overlaps(VatRate a, VatRate b) =>
        a.From < (b.To ?? DateOnly.MaxValue) && b.From < (a.To ?? DateOnly.MaxValue);
}
