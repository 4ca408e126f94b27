using MakerShop.Notifications.Channels;
using MakerShop.Notifications.Outbound;
using MakerShop.Notifications.Relay;
using MakerShop.Notifications.Webhooks;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MakerShop.Notifications;

public static class NotificationsSetup
{
    /// <summary>
    /// Webhooks and people's notifications. The host supplies <see cref="IOutboundAddressFilter"/>,
    /// <see cref="INotificationMailer"/> and <see cref="OrderNumberFormat"/>.
    /// </summary>
    public static IServiceCollection AddShopNotifications(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookEndpointStore>();
        services.AddSingleton<WebhookDeliveryStore>();
        services.AddSingleton<ShopEventStore>();
        services.AddSingleton<NotificationPreferenceStore>();
        services.AddSingleton<NotificationBatchStore>();
        services.AddSingleton<OutboundUrl>();
        services.AddSingleton<EventRelay>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<INotificationChannel, EmailChannel>();
        services.AddSingleton<INotificationChannel, NtfyChannel>();
        services.AddSingleton<INotificationChannel, DiscordChannel>();
        services.AddSingleton<INotificationChannel, TelegramChannel>();

        // Person-given URLs go through the address policy; the timeout is the dispatchers' own, per attempt.
        services.AddHttpClient(WebhookDispatcher.ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => OutboundSocketHandler.Create(sp.GetRequiredService<IOutboundAddressFilter>()));
        services.AddHttpClient(NtfyChannel.ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => OutboundSocketHandler.Create(sp.GetRequiredService<IOutboundAddressFilter>()));
        // The bot token is in the URL path: this client never logs its requests.
        services.AddHttpClient(TelegramChannel.ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.AddHostedService<OutboundWorker>();
        return services;
    }
}
