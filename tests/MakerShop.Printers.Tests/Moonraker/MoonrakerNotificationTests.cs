using MakerShop.Core;
using MakerShop.Printers.Moonraker;
using MakerShop.Printers.Reports;
using MakerShop.Printers.Tests.Support;
using MakerShop.VirtualHttpPrinters.Moonraker;
using Microsoft.Extensions.Logging.Abstractions;

namespace MakerShop.Printers.Tests.Moonraker;

/// <summary>Moonraker's websocket notifications make the shop look at the printer at once, without waiting for a poll.</summary>
public sealed class MoonrakerNotificationTests
{
    [Fact]
    public async Task A_print_that_ends_is_reported_on_the_printers_notification_without_a_polling_tick()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        var server = (FakeMoonrakerServer)rig.Server;
        using var listener = new MoonrakerNotificationListener(rig.Directory, rig.Poller, TimeProvider.System, NullLogger<MoonrakerNotificationListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
        try
        {
            var (jobId, _, _) = await rig.StartJobAsync();
            await rig.PollAsync();
            await Await.UntilAsync(() => server.Subscribers == 1, "the shop to subscribe to the printer's objects");

            // Only the machine's clock moves; the test polls nothing from here on.
            rig.Clock.Advance(TimeSpan.FromMinutes(10));

            await Await.UntilAsync(() => rig.JobEvents(jobId).Any(e => e.Kind == JobReportKind.Completed), "the job's completion to be reported");
            Assert.Equal(ReportedActivity.Idle, rig.Sink.LastState.Activity);
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_websocket_client_with_a_wrong_key_is_refused()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.SetRequestHeader("X-Api-Key", "wrong");

        var refused = await Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(
            () => socket.ConnectAsync(new Uri($"ws://127.0.0.1:{rig.Server.Port}/websocket"), CancellationToken.None));

        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }
}
