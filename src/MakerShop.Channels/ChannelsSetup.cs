using MakerShop.Channels.Shopify;
using MakerShop.Storage.Stores;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MakerShop.Channels;

/// <summary>Sales channels: the host adds them with one call and maps their webhooks with another.</summary>
public static class ChannelsSetup
{
    /// <summary>The host must also register an <see cref="IChannelOrderIntake"/>: the shop's own placement and cancellation.</summary>
    public static IServiceCollection AddSalesChannels(this IServiceCollection services)
    {
        services.AddOptions<ShopifyOptions>().BindConfiguration(ShopifyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ShopifyOptions>, ShopifyOptionsValidator>();
        services.AddSingleton<ChannelConnectionStore>();
        services.AddSingleton<ChannelDeliveryStore>();
        services.AddSingleton<ChannelOrderStore>();
        services.AddSingleton<ChannelFulfilmentStore>();
        services.AddSingleton<DeliveryWork>();
        services.AddSingleton<FulfilmentWork>();
        services.AddSingleton<ShopifyWebhookIntake>();
        services.AddSingleton<ShopifyDeliveryProcessor>();
        services.AddSingleton<ShopifyReplay>();
        services.AddHttpClient<ShopifyAdminClient>();
        services.AddHostedService<ShopifyInboxWorker>();
        services.AddHostedService<ShopifyFulfilmentSender>();
        return services;
    }

    public static IEndpointRouteBuilder MapSalesChannels(this IEndpointRouteBuilder app)
    {
        app.MapShopifyWebhooks();
        return app;
    }
}
