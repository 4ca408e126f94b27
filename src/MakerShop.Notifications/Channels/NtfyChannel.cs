using MakerShop.Core;
using MakerShop.Storage.Stores;

namespace MakerShop.Notifications.Channels;

/// <summary>
/// ntfy (ntfy.sh or a self-hosted server): the person gives their topic URL (https://ntfy.sh/my-farm); the message is
/// published as JSON to the server's root with the topic named in it, which carries UTF-8 titles that headers cannot.
/// </summary>
public sealed class NtfyChannel(IHttpClientFactory clients) : INotificationChannel
{
    public const string ClientName = "makershop-notify-people";

    public NotificationChannel Channel => NotificationChannel.Ntfy;

    public Task SendAsync(DueNotification notification, NotificationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(message);
        var topicUrl = notification.Preferences.NtfyTopicUrl ?? throw new NotificationSendException("no ntfy topic URL is set");
        var path = topicUrl.AbsolutePath.TrimEnd('/');
        var slash = path.LastIndexOf('/');
        var root = new Uri(topicUrl, path[..(slash + 1)]);
        var body = new
        {
            topic = Uri.UnescapeDataString(path[(slash + 1)..]),
            title = message.Title,
            message = message.Body,
            priority = notification.Batch.Topic is NotificationTopic.PaymentArrived ? 3 : 4,
            tags = new[] { notification.Batch.Topic is NotificationTopic.PaymentArrived ? "moneybag" : "warning" },
        };
        return HttpChannelCalls.PostJsonAsync(clients.CreateClient(ClientName), root, body, "ntfy", cancellationToken);
    }
}
