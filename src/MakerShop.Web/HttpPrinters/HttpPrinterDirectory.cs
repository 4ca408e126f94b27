using System.Collections.Concurrent;
using MakerShop.Core;
using MakerShop.Printers.Connectors;
using MakerShop.Printers.Http;

namespace MakerShop.Web.HttpPrinters;

/// <summary>
/// The HTTP printers this host drives, filled at start from configuration (and by demo mode). Any printer not in it
/// is a firmware-bridge. Whether a bed is clear is
/// the shop's own record of the printer (a person confirms it), never kept here.
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

    public Task<PrinterKind> KindOfAsync(string printerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_endpoints.TryGetValue(printerId, out var endpoint) ? endpoint.Kind : PrinterKind.FirmwareBridge);
}
