using MakerShop.Web.Api;
using MakerShop.Web.Broker;
using MakerShop.Web.Demo;
using MakerShop.Web.Devices;
using MakerShop.Web.Hosting;
using MakerShop.Web.Production;
using MakerShop.Web.Quotes;
using MakerShop.Web.Storage;

namespace MakerShop.Web;

/// <summary>The composition root, usable by Program and by tests that run the real host on loopback.</summary>
public static class MakerShopHost
{
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddShopConfigurationFiles();
        builder.AddShopLogging();

        // Order matters: hosted services start in registration order (database, fleet reset, broker, shop client, demo fleet).
        builder.Services.AddShopStorage();
        builder.Services.AddHostedService<FleetStartupReconciler>();
        builder.Services.AddShopMqtt(builder.Configuration);
        builder.Services.AddSingleton<PrinterRegistry>();
        builder.Services.AddProduction(builder.Configuration);
        builder.Services.AddDemoMode(builder.Configuration);
        builder.Services.AddShopApi();
        builder.Services.AddQuoting(builder.Configuration);

        var app = builder.Build();
        app.MapShopApi();
        app.MapQuotesApi();
        return app;
    }
}
