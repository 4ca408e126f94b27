using MakerShop.Core;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.Options;

namespace MakerShop.Notifications.Channels;

/// <summary>The shop's Telegram bot sends <c>sendMessage</c> to the chat id the person gave (plain text: nothing to escape).</summary>
public sealed class TelegramChannel(IHttpClientFactory clients, IOptions<ChatOptions> options) : INotificationChannel
{
    public const string ClientName = "makershop-telegram";

    public NotificationChannel Channel => NotificationChannel.Telegram;

    public Task SendAsync(DueNotification notification, NotificationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.TelegramBotToken))
        {
            throw new NotificationSendException("the shop has no Telegram bot (MakerShop:Notifications:Chat:TelegramBotToken)");
        }

        var chat = notification.Preferences.TelegramChatId ?? throw new NotificationSendException("no Telegram chat id is set");
        // Built as text: a bot token holds a colon ("123:ABC"), which as a relative URI would read as a scheme.
        var url = new Uri($"{settings.TelegramApiBaseUrl.TrimEnd('/')}/bot{settings.TelegramBotToken}/sendMessage");
        var body = new { chat_id = chat, text = message.Title + "\n" + message.Body, disable_web_page_preview = true };
        return HttpChannelCalls.PostJsonAsync(clients.CreateClient(ClientName), url, body, "Telegram", cancellationToken);
    }
}
