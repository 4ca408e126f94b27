using System.Globalization;
using MakerShop.Core;
using MakerShop.Storage.Stores;

namespace MakerShop.Notifications.Channels;

/// <summary>A Discord channel's webhook: the title as <c>content</c> (what the phone shows) and an embed with the details.</summary>
public sealed class DiscordChannel(IHttpClientFactory clients) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.Discord;

    public Task SendAsync(DueNotification notification, NotificationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(message);
        var url = notification.Preferences.DiscordWebhookUrl ?? throw new NotificationSendException("no Discord webhook URL is set");
        var body = new
        {
            content = message.Title,
            allowed_mentions = new { parse = Array.Empty<string>() },
            embeds = new[]
            {
                new
                {
                    title = message.Title,
                    description = message.Body,
                    color = notification.Batch.Topic is NotificationTopic.PaymentArrived ? 0x2E7D32 : 0xC62828,
                    timestamp = notification.Batch.FirstAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                },
            },
        };
        return HttpChannelCalls.PostJsonAsync(clients.CreateClient(NtfyChannel.ClientName), url, body, "Discord", cancellationToken);
    }
}
