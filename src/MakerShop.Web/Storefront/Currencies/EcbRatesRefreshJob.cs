using Microsoft.Extensions.Options;
using Quartz;

namespace MakerShop.Web.Storefront.Currencies;

/// <summary>Fetches the configured reference-rate feed and swaps in newer rates; a failed fetch keeps the last good rates.</summary>
[DisallowConcurrentExecution]
public sealed class EcbRatesRefreshJob(
    IHttpClientFactory httpClients,
    ExchangeRateProvider provider,
    IOptions<CurrencyOptions> options,
    ILogger<EcbRatesRefreshJob> logger) : IJob
{
    public const string HttpClientName = "ecb-rates";
    public static readonly JobKey Key = new("ecb-rates-refresh", "storefront");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var feed = options.Value.FeedUrl;
        if (feed is null)
        {
            return;
        }

        try
        {
            using var http = httpClients.CreateClient(HttpClientName);
            await using var body = await http.GetStreamAsync(feed, cancellationToken);
            var rates = await EcbFeedParser.ParseAsync(body, cancellationToken);
            if (provider.Update(rates))
            {
                logger.LogInformation("Exchange rates of {RatesDate} loaded from {FeedHost}", rates.AsOf, feed.Host);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or FormatException or TaskCanceledException or Core.DomainException)
        {
            logger.LogWarning(ex, "Exchange rates not refreshed from {FeedHost}; keeping those of {RatesDate}", feed.Host, provider.Current.AsOf);
        }
    }
}
