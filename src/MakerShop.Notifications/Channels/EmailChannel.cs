using MakerShop.Core;
using MakerShop.Storage.Stores;

namespace MakerShop.Notifications.Channels;

/// <summary>E-mail to the address the person signs in with.</summary>
public sealed class EmailChannel(INotificationMailer mailer) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public Task SendAsync(DueNotification notification, NotificationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(message);
        return mailer.SendAsync(notification.Email, notification.DisplayName, message.Title, message.Body, cancellationToken);
    }
}
