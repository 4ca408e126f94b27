using MakerShop.Notifications.Channels;
using MakerShop.Notifications.Relay;
using MakerShop.Notifications.Webhooks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MakerShop.Notifications;

/// <summary>
/// One loop for the outbound side: relay new events, send due webhooks, send due messages, then wait. Each step's
/// state is in the database, so a pass that fails (a busy database, a host stopping) is simply done again next time.
/// </summary>
public sealed class OutboundWorker(
    EventRelay relay, WebhookDispatcher webhooks, NotificationDispatcher notifications, IOptions<WebhookOptions> options, TimeProvider time,
    ILogger<OutboundWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await relay.RunOnceAsync(stoppingToken);
                await webhooks.RunDueAsync(stoppingToken);
                await notifications.RunDueAsync(stoppingToken);
            }
            catch (SqliteException ex) when (ex.IsTransient)
            {
                logger.LogDebug("Outbound pass skipped, database busy: {Reason}", ex.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
