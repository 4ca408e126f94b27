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
        services.AddSingleton<FleetView>();
        services.AddSingleton<OwnerPrinterCommands>();
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

        // The owner's fleet: every printer live, any printer's chart, and commands to the shop's own printers.
        app.MapGet("/admin/printers/live", OwnerFleetEndpoints.Live).RequireAuthorization(AccountsSetup.OwnerPolicy).ExcludeFromDescription();
        app.MapGet("/admin/printers/{id}/temperatures", PrinterTemperaturesEndpoint.GetForOwnerAsync).RequireAuthorization(AccountsSetup.OwnerPolicy).ExcludeFromDescription();
        app.MapPost("/api/admin/printers/{id}/commands", OwnerFleetEndpoints.CommandAsync).RequireAuthorization(AccountsSetup.OwnerPolicy)
            .WithTags("Admin").WithName("CommandShopPrinter")
            .WithSummary("Pause, resume, cancel, emergency-stop, bed cleared, filament or service for one of the shop's own printers; a maker's printer is 403.");
        return app;
    }
}
