using MakerShop.FirmwareBridge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MakerShop.FirmwareBridge.Tests.Bridge;

/// <summary>A board still booting when the handshake begins prints "start" in the middle of it.</summary>
public sealed class HandshakeRestartTests
{
    [Fact]
    public async Task A_start_during_the_handshake_restarts_it_on_the_same_connection()
    {
        var rebooted = 0;
        var marlin = new ScriptedMarlin { DropOk = [1] };
        marlin.AfterExecute = (_, command) =>
        {
            if (command == "M115" && Interlocked.Exchange(ref rebooted, 1) == 0)
            {
                // The board finished booting only now: it prints "start" instead of answering the M115.
                marlin.Emit("start");
            }
        };
        using var work = new TempDirectory();
        var options = new BridgeOptions
        {
            PrinterId = "printer-handshake",
            Secret = "secret",
            MqttPort = 1,
            FirmwarePort = 1,
            WorkDirectory = work.Path,
            TelemetryInterval = TimeSpan.FromSeconds(1),
            ReconnectDelay = TimeSpan.FromMilliseconds(100),
        };
        await using var bridge = new PrinterBridge(options, new HttpClient(), marlin, TimeProvider.System, NullLoggerFactory.Instance);
        await bridge.StartAsync().WaitAsync(Await.Timeout);

        // M105 polling starts only once the handshake has finished.
        await Await.UntilAsync(() => marlin.Executed.Contains("M105"), "the link came up and polled temperatures");

        Assert.Equal(1, marlin.Opens);
        Assert.Equal(2, marlin.Executed.Count(command => command == "M115"));
        Assert.Equal(10, options.ToLinkOptions().StartTimeout.TotalSeconds);
    }
}
