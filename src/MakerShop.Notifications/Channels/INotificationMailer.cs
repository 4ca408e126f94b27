namespace MakerShop.Notifications.Channels;

/// <summary>The shop's existing outgoing mail (SMTP, or .eml files when no server is set), supplied by the host.</summary>
public interface INotificationMailer
{
    /// <summary>Sends one plain-text mail; throws <see cref="NotificationSendException"/> when the mail server refuses or is unreachable.</summary>
    Task SendAsync(string toAddress, string toName, string subject, string body, CancellationToken cancellationToken = default);
}
