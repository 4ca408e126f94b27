using MakerShop.Channels;
using MakerShop.Web.Accounts;
using MakerShop.Web.Admin;
using MakerShop.Web.Api;
using MakerShop.Web.Broker;
using MakerShop.Web.Demo;
using MakerShop.Web.Makers;
using MakerShop.Web.Outbound;
using MakerShop.Web.Devices;
using MakerShop.Web.Hosting;
using MakerShop.Web.HttpPrinters;
using MakerShop.Web.Production;
using MakerShop.Web.Quotes;
using MakerShop.Web.RateLimiting;
using MakerShop.Web.Security;
using MakerShop.Web.Payments;
using MakerShop.Web.Shipping;
using MakerShop.Web.Storage;
using MakerShop.Web.Storefront;
using MakerShop.Web.Storefront.Checkout;

namespace MakerShop.Web;

/// <summary>The composition root, usable by Program and by tests that run the real host on loopback.</summary>
public static class MakerShopHost
{
    public static WebApplication Create(string[] args) => Create(args, null);

    /// <summary>
    /// The host with <paramref name="replaceServices"/> applied last: for tests that put a stand-in where a real device
    /// client would go (the shop itself stays as composed here).
    /// </summary>
    public static WebApplication Create(string[] args, Action<IServiceCollection>? replaceServices)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddShopConfigurationFiles();
        builder.AddShopLogging();

        // Order matters: hosted services start in registration order (database, fleet reset, broker, shop client, demo fleet).
        builder.Services.AddShopStorage();
        builder.Services.AddHostedService<FleetStartupReconciler>();
        builder.Services.AddShopMqtt(builder.Configuration);
        builder.Services.AddHttpPrinters(builder.Configuration);
        builder.Services.AddSingleton<PrinterRegistry>();
        builder.Services.AddProduction(builder.Configuration);
        builder.Services.AddScheduling(builder.Configuration);
        builder.Services.AddDemoMode(builder.Configuration);
        builder.Services.AddShopApi();
        builder.Services.AddQuoting(builder.Configuration);
        builder.Services.AddStorefront(builder.Configuration);
        builder.Services.AddCheckout(builder.Configuration);
        builder.Services.AddPayments(builder.Configuration);
        builder.Services.AddAccounts(builder.Configuration);
        builder.Services.AddAnonymousRateLimits();
        builder.Services.AddAdmin(builder.Configuration);
        builder.Services.AddMakerArea();
        builder.Services.AddShipping(builder.Configuration);
        builder.Services.AddShopSecurity();
        builder.Services.AddOutboundNotifications();
        builder.Services.AddSalesChannels();
        builder.Services.AddSingleton<IChannelOrderIntake, MakerShop.Web.Channels.ChannelOrderIntake>();

        replaceServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseShopSecurity();
        app.MapShopApi();
        app.MapQuotesApi();
        app.UseAccounts();
        app.MapStorefront();
        app.MapPayments();
        app.MapMakerArea();
        app.MapShipping();
        app.MapAdminApi();
        app.MapSalesChannels();
        return app;
    }
}
