using MakerShop.Printers.Connectors;
using MakerShop.Printers.Moonraker;
using MakerShop.Printers.OctoPrint;
using MakerShop.Printers.PrusaLink;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Telemetry;

namespace MakerShop.Printers.Http;

public static class HttpPrinterServices
{
    private const string StatusPipeline = "http-printer-status";

    /// <summary>
    /// The OctoPrint, Moonraker and PrusaLink protocols and connectors with their HTTP clients. Reads are retried on transient
    /// failures; commands and uploads never are, because the outbox re-sends them after looking at the printer.
    /// The host supplies <see cref="IHttpPrinterDirectory"/>, <see cref="Reports.IPrinterReportSink"/> and a <see cref="HttpPrinterMonitor"/>.
    /// </summary>
    public static IServiceCollection AddHttpPrinterDrivers(this IServiceCollection services, HttpPrinterClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // HttpClientFactory's own lines (four per request, at Information) would repeat every poll; the poller logs
        // what a poll means instead.
        services.AddHttpClient(HttpPrinterApiFactory.StatusClient, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(PrinterSocketHandler)
            .AddHttpMessageHandler(() => new PrusaLinkDigestHandler())
            .AddResilienceHandler(StatusPipeline, pipeline =>
            {
                var retry = new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, settings.StatusRetries),
                    Delay = TimeSpan.FromMilliseconds(100),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                };
                retry.DisableForUnsafeHttpMethods();
                pipeline.AddTimeout(settings.RequestTimeout * (settings.StatusRetries + 2));
                if (settings.StatusRetries > 0)
                {
                    pipeline.AddRetry(retry);
                }

                pipeline.AddTimeout(settings.RequestTimeout);
            });
        services.Configure<TelemetryOptions>(QuietStatusPolls);
        services.AddHttpClient(HttpPrinterApiFactory.CommandClient, client => client.Timeout = settings.RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(PrinterSocketHandler)
            .AddHttpMessageHandler(() => new PrusaLinkDigestHandler());
        services.AddHttpClient(HttpPrinterApiFactory.UploadClient, client => client.Timeout = settings.TransferTimeout)
            .ConfigurePrimaryHttpMessageHandler(PrinterSocketHandler)
            .AddHttpMessageHandler(() => new PrusaLinkDigestHandler());
        services.AddHttpClient(JobGcodeDownloader.ClientName, client => client.Timeout = settings.TransferTimeout);

        services.AddSingleton<HttpPrinterApiFactory>();
        services.AddSingleton<HttpPrinterLocks>();
        services.AddSingleton<HttpEndedJobFiles>();
        services.AddSingleton<JobGcodeDownloader>();
        services.AddSingleton<OctoPrintProtocol>();
        services.AddSingleton<MoonrakerProtocol>();
        services.AddSingleton<IHttpPrinterProtocol>(sp => sp.GetRequiredService<OctoPrintProtocol>());
        services.AddSingleton<IHttpPrinterProtocol>(sp => sp.GetRequiredService<MoonrakerProtocol>());
        services.AddSingleton<IPrinterConnector>(sp => ActivatorUtilities.CreateInstance<HttpPrinterConnector>(sp, sp.GetRequiredService<OctoPrintProtocol>()));
        services.AddSingleton<IPrinterConnector>(sp => ActivatorUtilities.CreateInstance<HttpPrinterConnector>(sp, sp.GetRequiredService<MoonrakerProtocol>()));
        services.AddSingleton<PrusaLinkProtocol>();
        services.AddSingleton<IHttpPrinterProtocol>(sp => sp.GetRequiredService<PrusaLinkProtocol>());
        services.AddSingleton<IPrinterConnector>(sp => ActivatorUtilities.CreateInstance<HttpPrinterConnector>(sp, sp.GetRequiredService<PrusaLinkProtocol>()));
        services.AddSingleton<HttpPrinterPoller>();
        return services;
    }

    // Polly logs every attempt of every poll at Information and each retry with its exception's stack trace at
    // Warning or Error: megabytes a day per printer. The poller names a change of reachability once instead, so the
    // status pipeline's own events are only Debug detail.
    private static void QuietStatusPolls(TelemetryOptions options)
    {
        var previous = options.SeverityProvider;
        options.SeverityProvider = args => args.Source.PipelineName?.EndsWith(StatusPipeline, StringComparison.Ordinal) == true
            ? ResilienceEventSeverity.Debug
            : previous?.Invoke(args) ?? args.Event.Severity;
    }

    // The host may register an address filter (maker-registered printers); without one every address is reached.
    private static HttpMessageHandler PrinterSocketHandler(IServiceProvider services) =>
        HttpPrinterSocketHandler.Create(services.GetService<IHttpPrinterAddressFilter>());
}
