using MakerShop.Printers.Http;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.HttpPrinters;

/// <summary>Polls every HTTP printer on the configured interval; OctoPrint and Moonraker push nothing the shop listens to.</summary>
public sealed class HttpPrinterPollingService(
    HttpPrinterPoller poller,
    IOptions<HttpPrintersOptions> options,
    TimeProvider timeProvider,
    ILogger<HttpPrinterPollingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollIntervalSeconds), timeProvider);
        do
        {
            try
            {
                await poller.PollOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "An HTTP printer polling pass failed; the next one tries again");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
