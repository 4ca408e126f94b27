using MakerShop.Printers.Reports;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Telemetry;

public static class TelemetrySetup
{
    /// <summary>
    /// Live readings and temperature history. Register after <c>AddProduction</c>: the live sink takes over as the
    /// report sink and hands everything but readings to the production handler.
    /// </summary>
    public static IServiceCollection AddLiveTelemetry(this IServiceCollection services)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PrinterTelemetryStore>();
        services.AddSingleton<HttpPrinterLinkStore>();
        services.AddSingleton<DeviceSecretStore>();
        services.AddSingleton<TelemetryHub>();
        services.AddSingleton<TelemetryWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryWriter>());
        services.AddSingleton<LiveReportSink>();
        services.AddSingleton<IPrinterReportSink>(sp => sp.GetRequiredService<LiveReportSink>());
        return services;
    }
}
