using MakerShop.Storage;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Production;

/// <summary>
/// At start the shop knows nothing live about its printers: the embedded broker's retained states died with the
/// previous process. Every printer is taken as Offline (keeping the job it holds) until it reports again, so no job
/// is sent to a printer that may not be there. Runs before the shop's MQTT client connects.
/// </summary>
public sealed class FleetStartupReconciler(SqliteConnectionFactory connections, TimeProvider timeProvider, ILogger<FleetStartupReconciler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var marked = 0;
        foreach (var printer in await PrinterStore.ListAsync(session, cancellationToken))
        {
            if (printer.MarkOffline(now))
            {
                await PrinterStore.UpdateAsync(session, printer, cancellationToken);
                marked++;
            }
        }

        await session.CommitAsync(cancellationToken);
        if (marked > 0)
        {
            logger.LogInformation("{Count} printer(s) marked offline until they report again", marked);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
