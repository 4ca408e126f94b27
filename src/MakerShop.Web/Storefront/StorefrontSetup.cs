using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Storefront.Catalog;
using MakerShop.Web.Storefront.Currencies;
using MakerShop.Web.Storefront.Localization;
using MakerShop.Web.Storefront.Orders;
using Microsoft.Extensions.FileProviders;
using Quartz;

namespace MakerShop.Web.Storefront;

/// <summary>The public storefront: Razor Pages in English and French, prices in the visitor's currency, static assets
/// and the npm-installed front-end libraries.</summary>
public static class StorefrontSetup
{
    public static IServiceCollection AddStorefront(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CurrencyOptions>()
            .Bind(configuration.GetSection(CurrencyOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ExchangeRateProvider>();
        services.AddSingleton<IExchangeRateProvider>(sp => sp.GetRequiredService<ExchangeRateProvider>());
        services.AddSingleton<VisitorCurrency>();
        services.AddSingleton<ProductionLoadStore>();
        services.AddSingleton<CatalogReader>();
        services.AddSingleton<OrderLinkStore>();
        services.AddSingleton<OrderProgressReader>();
        services.AddSingleton<StatusWords>();
        services.AddMemoryCache();
        services.AddHttpClient(EcbRatesRefreshJob.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddRazorPages()
            // Tests host the shop from their own assembly, so the pages' assembly is named rather than discovered.
            .AddApplicationPart(typeof(StorefrontSetup).Assembly)
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(options => options.ModelBinderProviders.Insert(0, new MakerShop.Web.Localization.CultureNumberModelBinderProvider()));

        var feed = configuration.GetSection(CurrencyOptions.SectionName).GetValue<Uri?>(nameof(CurrencyOptions.FeedUrl));
        if (feed is not null)
        {
            var hours = configuration.GetSection(CurrencyOptions.SectionName).GetValue(nameof(CurrencyOptions.RefreshHours), 6);
            services.AddQuartz(quartz =>
            {
                quartz.AddJob<EcbRatesRefreshJob>(job => job.WithIdentity(EcbRatesRefreshJob.Key).StoreDurably());
                quartz.AddTrigger(trigger => trigger
                    .ForJob(EcbRatesRefreshJob.Key)
                    .WithIdentity("ecb-rates-refresh-trigger", "storefront")
                    .StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(hours)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            });
        }

        return services;
    }

    public static WebApplication MapStorefront(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRequestLocalization(StorefrontCultures.Options());
        ServeFolder(app, "assets", "/assets");
        ServeFolder(app, "clientlib", "/lib");
        app.MapRazorPages();
        app.MapGet("/products/{id}/preview.bin", ProductPreviewEndpoint.GetAsync).ExcludeFromDescription();
        app.MapGet("/orders/{id}/live", OrderLiveEndpoint.GetAsync).ExcludeFromDescription();
        app.MapGet("/quotes/{id}/model", QuoteModelEndpoint.GetAsync).ExcludeFromDescription();
        return app;
    }

    // Both folders are copied next to the binaries by the build, so the host serves them the same way from
    // `dotnet run`, from a test's output folder and from a published folder.
    private static void ServeFolder(WebApplication app, string folder, string requestPath)
    {
        var root = Path.Combine(AppContext.BaseDirectory, folder);
        if (!Directory.Exists(root))
        {
            throw new InvalidOperationException($"The storefront's '{folder}' folder is missing from {AppContext.BaseDirectory}; build the Web project (it installs the front-end libraries with npm).");
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            RequestPath = requestPath,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
    }
}
