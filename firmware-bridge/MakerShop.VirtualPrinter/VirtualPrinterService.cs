using Microsoft.Extensions.Hosting;

namespace MakerShop.VirtualPrinter;

/// <summary>Runs one <see cref="VirtualMarlinPrinter"/> for the lifetime of a host.</summary>
internal sealed class VirtualPrinterService(VirtualMarlinPrinter printer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => printer.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken) => await printer.DisposeAsync().AsTask().WaitAsync(cancellationToken);
}
