using MailKit.Net.Smtp;
using MailKit.Security;
using MakerShop.Storage;
using MakerShop.Web.Settings;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace MakerShop.Web.Notifications;

/// <summary>
/// MailKit sender: to the configured SMTP server, or, when none is set (the default), as .eml files in a folder
/// under the data directory that any mail client opens and a test can read back. The sender's name is the shop's name
/// and replies go to its contact address, both as the owner set them (the SMTP From address stays the configured one,
/// which the mail server is allowed to send as).
/// </summary>
public sealed class MailKitEmailSender(
    IOptions<NotificationOptions> options, ShopSettingsService shopSettings, DataPaths paths, TimeProvider time, ILogger<MailKitEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var shop = await shopSettings.CurrentAsync(cancellationToken);
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(string.IsNullOrWhiteSpace(shop.ShopName) ? settings.FromName : shop.ShopName, settings.FromAddress));
        if (!string.IsNullOrWhiteSpace(shop.ContactEmail))
        {
            mime.ReplyTo.Add(new MailboxAddress(shop.ShopName, shop.ContactEmail));
        }

        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Subject = message.Subject;
        mime.Date = time.GetUtcNow();
        mime.MessageId = MimeUtils.GenerateMessageId(settings.FromAddress[(settings.FromAddress.IndexOf('@', StringComparison.Ordinal) + 1)..]);
        var text = new TextPart("plain") { Text = message.TextBody };
        if (message.Attachments.Count == 0)
        {
            mime.Body = text;
        }
        else
        {
            var mixed = new Multipart("mixed") { text };
            foreach (var attachment in message.Attachments)
            {
                mixed.Add(new MimePart(ContentType.Parse(attachment.ContentType))
                {
                    Content = new MimeContent(new MemoryStream(attachment.Content.ToArray())),
                    ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                    ContentTransferEncoding = ContentEncoding.Base64,
                    FileName = attachment.FileName,
                });
            }

            mime.Body = mixed;
        }

        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            var folder = Path.Combine(paths.DataDirectory, settings.PickupDirectory);
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{time.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");
            await mime.WriteToAsync(file, cancellationToken);
            logger.LogInformation("Wrote e-mail {Subject} for {Recipient} to {File}", message.Subject, message.ToAddress, file);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port,
            settings.Smtp.UseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Smtp.Username))
        {
            await client.AuthenticateAsync(settings.Smtp.Username, settings.Smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Sent e-mail {Subject} to {Recipient} through {SmtpHost}", message.Subject, message.ToAddress, settings.Smtp.Host);
    }
}
