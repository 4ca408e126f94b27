using MakerShop.Core;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Quotes;

/// <summary>Rates from configuration. A scheduled refresh can replace this registration without touching quotes.</summary>
public sealed class ConfiguredExchangeRateProvider(IOptionsMonitor<ExchangeRateOptions> options) : IExchangeRateProvider
{
    public Task<ExchangeRates> GetRatesAsync(CancellationToken cancellationToken = default)
    {
        var value = options.CurrentValue;
        return Task.FromResult(new ExchangeRates(Currency.FromCode(value.Base), value.AsOf, value.Rates));
    }
}
