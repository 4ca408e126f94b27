namespace MakerShop.Core;

/// <summary>A standard VAT (or GST) rate of one country, valid from a date and, once replaced, until the day before
/// <paramref name="To"/>. Rates change mid-year, so a sale is taxed at the rate of its tax point date.</summary>
public sealed record VatRate(string CountryCode, decimal Rate, DateOnly From, DateOnly? To = null)
{
    public bool AppliesOn(DateOnly date) => date >= From && (To is null || date < To.Value);
}
