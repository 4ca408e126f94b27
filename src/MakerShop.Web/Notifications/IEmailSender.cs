namespace MakerShop.Web.Notifications;

/// <summary>Sends e-mail to customers and the owner; the storefront reuses it.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
