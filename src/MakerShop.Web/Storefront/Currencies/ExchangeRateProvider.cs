using System.Globalization;
using MakerShop.Core;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Storefront.Currencies;

/// <summary>
/// Holds the rates in use for the storefront and for quotes: the configured ones at start, replaced whole when the
/// feed publishes newer ones.
/// </summary>
public sealed class ExchangeRateProvider : IExchangeRateProvider
{
    private ExchangeRates current;

    public ExchangeRateProvider(IOptions<CurrencyOptions> options)
    {
        var settings = options.Value;
        Offered = [.. settings.Offered.Select(Currency.FromCode).Distinct()];
        Default = Currency.FromCode(settings.Default);
        var date = DateOnly.ParseExact(settings.RatesDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        current = new ExchangeRates(Currency.Eur, date, settings.RatesPerEuro);
        var missing = Offered.Where(c => !current.Supports(c)).Select(c => c.Code).ToList();
        if (missing.Count > 0)
        {
            throw new OptionsValidationException(CurrencyOptions.SectionName, typeof(CurrencyOptions),
                [$"MakerShop:Currencies offers {string.Join(", ", missing)} but RatesPerEuro has no rate for it."]);
        }
    }

    public IReadOnlyList<Currency> Offered { get; }

    public Currency Default { get; }

    public ExchangeRates Current => Volatile.Read(ref current);

    public Task<ExchangeRates> GetRatesAsync(CancellationToken cancellationToken = default) => Task.FromResult(Current);

    /// <summary>Takes newer rates; an older or same-day publication changes nothing, so a late retry cannot go back in time.</summary>
    public bool Update(ExchangeRates rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var missing = Offered.Where(c => !rates.Supports(c)).ToList();
        if (missing.Count > 0 || rates.Base != Currency.Eur || rates.AsOf <= Current.AsOf)
        {
            return false;
        }

        Volatile.Write(ref current, rates);
        return true;
    }

    public Currency? FindOffered(string? code) =>
        Currency.TryFromCode(code?.ToUpperInvariant(), out var currency) && Offered.Contains(currency) ? currency : null;
}
