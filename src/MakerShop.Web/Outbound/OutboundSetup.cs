using MakerShop.Notifications;
using MakerShop.Notifications.Channels;
using MakerShop.Notifications.Outbound;
using MakerShop.Notifications.Relay;
using MakerShop.Web.Production;

namespace MakerShop.Web.Outbound;

public static class OutboundSetup
{
    /// <summary>Webhooks for integrators and notifications for people (src/MakerShop.Notifications), wired to the host's mail, address rules and order numbers.</summary>
    public static IServiceCollection AddOutboundNotifications(this IServiceCollection services)
    {
        services.AddShopNotifications();
        services.AddSingleton<IOutboundAddressFilter, WebhookAddressFilter>();
        services.AddSingleton<INotificationMailer, ShopNotificationMailer>();
        services.AddSingleton<OrderNumberFormat>(sp => sp.GetRequiredService<OrderNumbers>().Format);
        services.AddSingleton<NotificationSettingsForm>();
        return services;
    }
}
