using System.Net.Sockets;
using MakerShop.Core;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MakerShop.Notifications.Channels;

/// <summary>Sends grouped messages whose window has ended, in the person's language; a failed send is retried with back-off.</summary>
public sealed class NotificationDispatcher(
    NotificationBatchStore batches, IEnumerable<INotificationChannel> channels, IOptions<ChatOptions> options, TimeProvider time, ILogger<NotificationDispatcher> logger)
{
    private readonly Dictionary<NotificationChannel, INotificationChannel> _channels = channels.ToDictionary(c => c.Channel);

    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        var due = await batches.ClaimDueAsync(time.GetUtcNow(), timeout + TimeSpan.FromSeconds(30), 20, cancellationToken);
        var backoff = new DeliveryBackoff(TimeSpan.FromSeconds(30), 2, TimeSpan.FromHours(1), settings.MaxAttempts);
        foreach (var notification in due)
        {
            var attempt = notification.Attempts + 1;
            var message = NotificationWording.Compose(notification.Batch, notification.Preferences.Language);
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(timeout);
            try
            {
                if (!_channels.TryGetValue(notification.Batch.Channel, out var channel))
                {
                    throw new NotificationSendException($"no sender for {notification.Batch.Channel}");
                }

                await channel.SendAsync(notification, message, timer.Token);
                await batches.MarkSentAsync(notification.Id, attempt, time.GetUtcNow(), CancellationToken.None);
                logger.LogInformation("Sent {Topic} notification ({Count} event(s)) to user {UserId} by {Channel}",
                    notification.Batch.Topic, notification.Batch.Count, notification.Batch.UserId, notification.Batch.Channel);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or SocketException
                || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var why = ex is OperationCanceledException ? "no answer in time" : ex.Message;
                var next = backoff.NextAttemptAt(attempt, time.GetUtcNow());
                await batches.MarkFailedAsync(notification.Id, attempt, why, next, CancellationToken.None);
                logger.LogWarning("Could not send {Topic} notification to user {UserId} by {Channel} (attempt {Attempt}): {Reason}",
                    notification.Batch.Topic, notification.Batch.UserId, notification.Batch.Channel, attempt, why);
            }
        }

        return due.Count;
    }
}
