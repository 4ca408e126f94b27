using MakerShop.Web.Accounts;
using MakerShop.Web.Devices;
using MakerShop.Web.HttpPrinters;
using MakerShop.Web.Telemetry;

namespace MakerShop.Web.Makers;

public static class MakersSetup
{
    public static IServiceCollection AddMakerArea(this IServiceCollection services)
    {
        services.AddSingleton<MakerScope>();
        services.AddSingleton<MakerGridSnapshots>();
        services.AddSingleton<PrinterActions>();
        services.AddSingleton<DeviceSecretRotation>();
        services.AddLiveTelemetry();
        // Started after the database is migrated; registered HTTP printers join the directory beside the configured ones.
        services.AddSingleton<MakerHttpPrinters>();
        services.AddHostedService(sp => sp.GetRequiredService<MakerHttpPrinters>());
        services.AddOptions<MakerPayOptions>().BindConfiguration(MakerPayOptions.SectionName);
        return services;
    }

    public static WebApplication MapMakerArea(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/maker/live", MakerLiveEndpoint.Get).RequireAuthorization(AccountsSetup.MakerPolicy).ExcludeFromDescription();
        app.MapGet("/maker/printers/{id}/temperatures", PrinterTemperaturesEndpoint.GetAsync).RequireAuthorization(AccountsSetup.MakerPolicy).ExcludeFromDescription();
        return app;
    }
}
