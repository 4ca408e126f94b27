using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Tests.Support;
using Xunit.Abstractions;

namespace MakerShop.FirmwareBridge.Tests.Bridge;

/// <summary>A command whose firmware write fails is still answered, and the bridge goes on taking commands.</summary>
public sealed class CommandFailureTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string PrinterId = BridgeRig.PrinterId;
    private BridgeRig rig = null!;

    public async Task InitializeAsync() => rig = await BridgeRig.StartAsync(output);

    public async Task DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task An_emergency_stop_the_firmware_cannot_take_is_rejected_as_firmware_offline_and_can_be_sent_again()
    {
        var transport = new FlakyFirmwareTransport(rig.Printer.Port);
        await rig.RestartBridgeAsync(transport: transport);
        await Await.UntilAsync(() => rig.Bridge.Status == BridgeStatus.Idle, "the bridge is idle");
        var stop = new PrinterCommandPayload("cmd-estop", PrinterCommandKind.EmergencyStop, null, null, DateTimeOffset.UtcNow);

        transport.FailWrites = true;
        await rig.Shop.SendAsync(PrinterId, stop);
        var rejected = await rig.Shop.WaitForAsync<CommandAckPayload>(PrinterTopics.CommandAcks(PrinterId), a => a.CommandId == "cmd-estop");
        transport.FailWrites = false;
        await rig.Shop.SendAsync(PrinterId, stop);
        var accepted = await rig.Shop.WaitForAsync<CommandAckPayload>(PrinterTopics.CommandAcks(PrinterId), a => a.CommandId == "cmd-estop" && a.Accepted);

        Assert.Equal((false, "firmware-offline"), (rejected.Accepted, rejected.Reason));
        Assert.Null(accepted.Reason);
        Assert.Equal(2, rig.Shop.All<CommandAckPayload>(PrinterTopics.CommandAcks(PrinterId)).Count(a => a.CommandId == "cmd-estop"));
        await Await.UntilAsync(() => rig.Printer.ExecutedCommands.Contains("M112"), "the printer got M112");
    }
}
