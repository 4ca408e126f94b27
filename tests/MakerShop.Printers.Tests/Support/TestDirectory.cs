using System.Collections.Concurrent;
using MakerShop.Printers.Http;

namespace MakerShop.Printers.Tests.Support;

/// <summary>The host keeps HTTP printers in its own directory; here the test says which printers exist.</summary>
internal sealed class TestDirectory : IHttpPrinterDirectory
{
    private readonly ConcurrentDictionary<string, HttpPrinterEndpoint> _endpoints = new(StringComparer.Ordinal);

    public void Put(HttpPrinterEndpoint endpoint) => _endpoints[endpoint.PrinterId] = endpoint;

    public Task<IReadOnlyList<HttpPrinterEndpoint>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<HttpPrinterEndpoint>>([.. _endpoints.Values]);

    public Task<HttpPrinterEndpoint?> FindAsync(string printerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_endpoints.GetValueOrDefault(printerId));
}
