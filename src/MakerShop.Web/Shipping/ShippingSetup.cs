using System.Net.Http.Headers;
using System.Text;
using MakerShop.Shipping;
using MakerShop.Shipping.AfterShip;
using MakerShop.Shipping.Carriers;
using MakerShop.Shipping.EasyPost;
using MakerShop.Shipping.Shippo;
using MakerShop.Shipping.Tracking;
using MakerShop.Storage.Stores;
using MakerShop.Web.Notifications;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Options;
using Quartz;
using Refit;

namespace MakerShop.Web.Shipping;

public static class ShippingSetup
{
    /// <summary>
    /// Fulfilment: config/shipping/shipping.json, shipment drafting and labels, the EasyPost and Shippo clients (only
    /// when their keys are set), webhook verification per provider, the tracker polling job and customer e-mail.
    /// </summary>
    public static IServiceCollection AddShipping(this IServiceCollection services, IConfiguration configuration)
    {
        AddShippingConfigurationFile(configuration);
        services.AddOptions<ShippingOptions>().BindConfiguration(ShippingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ShippingOptions>, ShippingOptionsValidator>();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IEmailSender, MailKitEmailSender>();
        services.AddSingleton<ShipmentNotifier>();
        services.AddSingleton<CarrierWords>();

        services.AddSingleton<ShipmentStore>();
        services.AddSingleton<ShipmentEventStore>();
        services.AddSingleton<WebhookInboxStore>();
        services.AddSingleton<ProductCustomsStore>();
        services.AddSingleton<ShipmentPlanner>();
        services.AddSingleton<ShipmentLabels>();
        services.AddSingleton<ShipmentTracker>();
        services.AddSingleton<ShipmentViews>();
        services.AddSingleton<TrackingIntake>();
        services.AddSingleton<ShipmentDeskStore>();
        services.AddSingleton<LabelFileStore>();
        services.AddSingleton<LabelFileFetcher>();
        services.AddSingleton<ShipmentPaperwork>();
        services.AddSingleton<ShipmentDesk>();
        services.AddHttpClient(LabelFileFetcher.ClientName, http => http.Timeout = TimeSpan.FromSeconds(20));

        var shipping = configuration.GetSection(ShippingOptions.SectionName).Get<ShippingOptions>() ?? new ShippingOptions();
        if (!string.IsNullOrWhiteSpace(shipping.EasyPost.ApiKey))
        {
            services.AddHttpClient("easypost", (sp, http) =>
            {
                var o = sp.GetRequiredService<IOptions<ShippingOptions>>().Value.EasyPost;
                http.BaseAddress = o.BaseUrl;
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(o.ApiKey + ":")));
            });
            services.AddSingleton(sp => RestService.For<IEasyPostApi>(sp.GetRequiredService<IHttpClientFactory>().CreateClient("easypost"), ProviderJson.RefitSettings()));
            services.AddSingleton<ICarrierGateway, EasyPostGateway>();
        }

        if (!string.IsNullOrWhiteSpace(shipping.Shippo.ApiToken))
        {
            services.AddHttpClient("shippo", (sp, http) =>
            {
                var o = sp.GetRequiredService<IOptions<ShippingOptions>>().Value.Shippo;
                http.BaseAddress = o.BaseUrl;
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ShippoToken", o.ApiToken);
            });
            services.AddSingleton(sp => RestService.For<IShippoApi>(sp.GetRequiredService<IHttpClientFactory>().CreateClient("shippo"), ProviderJson.RefitSettings()));
            services.AddSingleton<ICarrierGateway, ShippoGateway>();
        }

        // A provider without a secret has no webhook route at all: an unsigned request can never be accepted.
        if (!string.IsNullOrWhiteSpace(shipping.EasyPost.WebhookSecret))
        {
            services.AddSingleton<ITrackingWebhookProvider>(new EasyPostWebhook(shipping.EasyPost.WebhookSecret));
        }

        if (!string.IsNullOrWhiteSpace(shipping.Shippo.WebhookSecret) || !string.IsNullOrWhiteSpace(shipping.Shippo.WebhookToken))
        {
            services.AddSingleton<ITrackingWebhookProvider>(new ShippoWebhook(
                NullIfBlank(shipping.Shippo.WebhookSecret), NullIfBlank(shipping.Shippo.WebhookToken), TimeSpan.FromSeconds(shipping.Shippo.SignatureToleranceSeconds)));
        }

        if (!string.IsNullOrWhiteSpace(shipping.AfterShip.WebhookSecret))
        {
            services.AddSingleton<ITrackingWebhookProvider>(new AfterShipWebhook(shipping.AfterShip.WebhookSecret));
        }

        services.AddQuartz(quartz =>
        {
            quartz.AddJob<TrackingPollJob>(job => job.WithIdentity(TrackingPollJob.Key).StoreDurably());
            quartz.AddTrigger(t => t.ForJob(TrackingPollJob.Key).WithIdentity("tracking-poll-interval", "shipping").StartNow()
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromSeconds(shipping.PollIntervalSeconds)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        return services;
    }

    public static WebApplication MapShipping(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapShipmentsApi();
        app.MapTrackingWebhooks();
        return app;
    }

    // The shipping defaults live in their own file; it sits just below environment variables and the command line,
    // like config/makershop.json, so both still override it.
    private static void AddShippingConfigurationFile(IConfiguration configuration)
    {
        if (configuration is not IConfigurationBuilder builder)
        {
            return;
        }

        var file = Path.Combine(AppContext.BaseDirectory, "config", "shipping", "shipping.json");
        if (builder.Sources.OfType<Microsoft.Extensions.Configuration.Json.JsonConfigurationSource>().Any(s => s.Path == "shipping.json"))
        {
            return;
        }

        var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = "shipping.json", Optional = false, ReloadOnChange = false };
        source.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetDirectoryName(file)!);
        var sources = builder.Sources;
        var at = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource);
        sources.Insert(at < 0 ? sources.Count : at, source);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
