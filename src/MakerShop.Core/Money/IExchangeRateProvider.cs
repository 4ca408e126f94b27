namespace MakerShop.Core;

/// <summary>Where today's reference rates come from (configuration now; a scheduled refresh can replace it).</summary>
public interface IExchangeRateProvider
{
    Task<ExchangeRates> GetRatesAsync(CancellationToken cancellationToken = default);
}
