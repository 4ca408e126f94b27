using MakerShop.Core;
using MakerShop.Printers.Http;

namespace MakerShop.Printers.Tests.Support;

/// <summary>A real protocol whose file deletes can be made to go unanswered, as when the printer drops off the network mid-call.</summary>
internal sealed class DeleteRefusingProtocol(IHttpPrinterProtocol inner) : IHttpPrinterProtocol
{
    private int _refused;

    public bool RefuseDeletes { get; set; }

    public int RefusedDeletes => Volatile.Read(ref _refused);

    public PrinterKind Kind => inner.Kind;

    public PrinterCapabilities Capabilities => inner.Capabilities;

    public Task<HttpPrinterObservation> ObserveAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) =>
        inner.ObserveAsync(endpoint, cancellationToken);

    public Task<HttpCallResult> UploadAndPrintAsync(HttpPrinterEndpoint endpoint, string fileName, Stream content, string sha256, CancellationToken cancellationToken = default) =>
        inner.UploadAndPrintAsync(endpoint, fileName, content, sha256, cancellationToken);

    public Task<HttpCallResult> PauseAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) => inner.PauseAsync(endpoint, cancellationToken);

    public Task<HttpCallResult> ResumeAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) => inner.ResumeAsync(endpoint, cancellationToken);

    public Task<HttpCallResult> CancelAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) => inner.CancelAsync(endpoint, cancellationToken);

    public Task<HttpCallResult> EmergencyStopAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) => inner.EmergencyStopAsync(endpoint, cancellationToken);

    public Task<HttpCallResult> DeleteJobFileAsync(HttpPrinterEndpoint endpoint, string jobId, CancellationToken cancellationToken = default)
    {
        if (RefuseDeletes)
        {
            Interlocked.Increment(ref _refused);
            return Task.FromResult(new HttpCallResult(HttpCallOutcome.Unreachable, "no answer: the test refuses deletes"));
        }

        return inner.DeleteJobFileAsync(endpoint, jobId, cancellationToken);
    }
}
