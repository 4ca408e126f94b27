using System.Collections.Concurrent;
using MakerShop.Core;
using MakerShop.Printers.Connectors;
using MakerShop.Printers.Http;

namespace MakerShop.Web.HttpPrinters;

/// <summary>
/// The HTTP printers this host drives, filled at start from configuration (and by demo mode). Any printer not in it
/// is a firmware-bridge. The bed-cleared marker lives here too: a restarted shop asks the maker once more.
/// </summary>
public sealed class HttpPrinterDirectory : IHttpPrinterDirectory, IPrinterKindResolver
{
    private readonly ConcurrentDictionary<string, HttpPrinterEndpoint> _endpoints = new(StringComparer.Ordinal);

    public void Put(HttpPrinterEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoints[endpoint.PrinterId] = endpoint;
    }

    public Task<IReadOnlyList<HttpPrinterEndpoint>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<HttpPrinterEndpoint>>([.. _endpoints.Values.OrderBy(e => e.PrinterId, StringComparer.Ordinal)]);

    public Task<HttpPrinterEndpoint?> FindAsync(string printerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_endpoints.GetValueOrDefault(printerId));

    public Task MarkBedClearedAsync(string printerId, string jobId, CancellationToken cancellationToken = default)
    {
        _endpoints.AddOrUpdate(printerId, _ => throw new InvalidOperationException($"{printerId} is not an HTTP printer."), (_, e) => e with { BedClearedJobId = jobId });
        return Task.CompletedTask;
    }

    public Task<PrinterKind> KindOfAsync(string printerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_endpoints.TryGetValue(printerId, out var endpoint) ? endpoint.Kind : PrinterKind.FirmwareBridge);
}
