using MakerShop.Notifications.Channels;
using MakerShop.Web.Notifications;

namespace MakerShop.Web.Outbound;

/// <summary>People's notifications by e-mail go through the shop's existing mail (SMTP, or .eml files when no server is set).</summary>
public sealed class ShopNotificationMailer(IEmailSender sender) : INotificationMailer
{
    public async Task SendAsync(string toAddress, string toName, string subject, string body, CancellationToken cancellationToken = default)
    {
        try
        {
            await sender.SendAsync(new EmailMessage(toAddress, toName, subject, body), cancellationToken);
        }
        catch (Exception ex) when (ex is MailKit.ProtocolException or MailKit.CommandException or MailKit.ServiceNotConnectedException
            or MailKit.Security.AuthenticationException or System.Net.Sockets.SocketException)
        {
            throw new NotificationSendException("the mail server did not take the message: " + ex.Message, ex);
        }
    }
}
