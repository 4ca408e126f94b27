using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MakerShop.FirmwareBridge;

internal sealed class BridgeHostedService(
    IOptions<BridgeOptions> options,
    IHttpClientFactory httpClientFactory,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly PrinterBridge bridge = new(
        options.Value,
        httpClientFactory.CreateClient(BridgeServiceCollectionExtensions.HttpClientName),
        timeProvider,
        loggerFactory);

    public Task StartAsync(CancellationToken cancellationToken) => bridge.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => bridge.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => bridge.DisposeAsync();
}
