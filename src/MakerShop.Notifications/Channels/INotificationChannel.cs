using MakerShop.Core;
using MakerShop.Storage.Stores;

namespace MakerShop.Notifications.Channels;

/// <summary>One way of reaching a person. A failure throws (<see cref="NotificationSendException"/> or an I/O exception); the dispatcher retries.</summary>
public interface INotificationChannel
{
    NotificationChannel Channel { get; }

    Task SendAsync(DueNotification notification, NotificationMessage message, CancellationToken cancellationToken = default);
}
