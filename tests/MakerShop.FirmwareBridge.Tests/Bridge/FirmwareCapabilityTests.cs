using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MakerShop.FirmwareBridge.Tests.Bridge;

/// <summary>
/// The handshake reads M115's Cap: lines: firmware with AUTOREPORT_TEMP gets M155 and is never polled; firmware
/// without it is polled with M105. Runs the bridge against a scripted firmware; no broker is needed for this.
/// </summary>
public sealed class FirmwareCapabilityTests
{
    [Fact]
    public async Task Firmware_with_AUTOREPORT_TEMP_is_asked_for_auto_reports_and_not_polled()
    {
        var marlin = new ScriptedMarlin
        {
            M115Lines = ["FIRMWARE_NAME:Marlin 2.1.2 (scripted) PROTOCOL_VERSION:1.0", "Cap:AUTOREPORT_TEMP:1", "Cap:EMERGENCY_PARSER:1"],
        };
        using var work = new TempDirectory();
        await using var bridge = await StartBridgeAsync(marlin, work.Path);

        await Await.UntilAsync(() => marlin.Executed.Contains("M155 S1"), "auto-reports were switched on");
        marlin.Emit(" T:200.5 /210.0 B:59.0 /60.0 @:127 B@:64");
        await Await.UntilAsync(() => bridge.CurrentState.Heaters.Any(h => h.Name == "tool0" && h.Actual == 200.5), "the auto-report reached the state");

        Assert.DoesNotContain("M105", marlin.Executed);
        Assert.Equal(BridgeStatus.Idle, bridge.Status);
    }

    [Fact]
    public async Task Firmware_without_AUTOREPORT_TEMP_is_polled_with_M105()
    {
        var marlin = new ScriptedMarlin
        {
            M115Lines = ["FIRMWARE_NAME:Marlin 1.1.9 (scripted) PROTOCOL_VERSION:1.0", "Cap:AUTOREPORT_TEMP:0"],
        };
        using var work = new TempDirectory();
        await using var bridge = await StartBridgeAsync(marlin, work.Path);

        await Await.UntilAsync(() => marlin.Executed.Count(c => c == "M105") >= 2, "M105 was polled twice");
        await Await.UntilAsync(() => bridge.CurrentState.Heaters.Any(h => h.Name == "bed" && h.Actual == 20.5), "the poll reached the state");

        Assert.DoesNotContain(marlin.Executed, c => c.StartsWith("M155", StringComparison.Ordinal));
    }

    private static async Task<PrinterBridge> StartBridgeAsync(ScriptedMarlin marlin, string workDirectory)
    {
        var options = new BridgeOptions
        {
            PrinterId = "printer-caps",
            Secret = "secret",
            MqttPort = 1,
            FirmwarePort = 1,
            WorkDirectory = workDirectory,
            TelemetryInterval = TimeSpan.FromSeconds(1),
            ReconnectDelay = TimeSpan.FromMilliseconds(100),
        };
        var bridge = new PrinterBridge(options, new HttpClient(), marlin, TimeProvider.System, NullLoggerFactory.Instance);
        await bridge.StartAsync().WaitAsync(Await.Timeout);
        return bridge;
    }
}
