using MakerShop.Contracts.Mqtt;
using MakerShop.Core;

namespace MakerShop.Printers.Http;

/// <summary>One HTTP printer API (OctoPrint, Moonraker): its calls, and the reading of its payloads into observations.</summary>
public interface IHttpPrinterProtocol
{
    PrinterKind Kind { get; }

    PrinterCapabilities Capabilities { get; }

    /// <summary>
    /// Never throws for transport failures: an unreachable printer is an observation, not an exception. Only reads: it
    /// is also how every command looks at the printer before and after acting.
    /// </summary>
    Task<HttpPrinterObservation> ObserveAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default);

    /// <summary>
    /// What the printer's server needs doing after the poller's own observation was applied (OctoPrint: asking a closed
    /// serial link to connect). Only the poller calls it, so a command never sets off a write it did not ask for.
    /// </summary>
    Task TendLinkAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Uploads the file under <paramref name="fileName"/> and starts printing it in the same request.</summary>
    Task<HttpCallResult> UploadAndPrintAsync(HttpPrinterEndpoint endpoint, string fileName, Stream content, string sha256, CancellationToken cancellationToken = default);

    /// <summary>
    /// The same, with the whole start command at hand: a printer that chooses among spools (Bambu Lab's AMS) reads the
    /// job's material and colour from it. The others need only the checksum.
    /// </summary>
    Task<HttpCallResult> UploadAndPrintAsync(HttpPrinterEndpoint endpoint, string fileName, Stream content, StartJobArguments start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        return UploadAndPrintAsync(endpoint, fileName, content, start.Sha256, cancellationToken);
    }

    Task<HttpCallResult> PauseAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default);

    Task<HttpCallResult> ResumeAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default);

    Task<HttpCallResult> CancelAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default);

    Task<HttpCallResult> EmergencyStopAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default);

    /// <summary>Deletes the file the shop uploaded for <paramref name="jobId"/>, once its job has ended and the shop has its outcome.</summary>
    Task<HttpCallResult> DeleteJobFileAsync(HttpPrinterEndpoint endpoint, string jobId, CancellationToken cancellationToken = default);
}
