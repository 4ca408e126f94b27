using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Gcode.Replies;
using MakerShop.FirmwareBridge.State;

namespace MakerShop.FirmwareBridge.Tests.Bridge;

/// <summary>Repetier's lone "TargetBed:60" line reaches the heater the shop sees, before the next temperature report.</summary>
public sealed class HeaterTargetStateTests
{
    [Fact]
    public void A_target_line_updates_the_target_of_the_heater_it_names_and_no_other()
    {
        var state = new BridgeState(false, TimeProvider.System);
        state.SetHeaters([new HeaterReading("bed", 21.5, 0), new HeaterReading("tool0", 22.0, 0)]);

        state.SetHeaterTarget(FirmwareReplyParser.Parse("TargetBed:60").Target!);

        var heaters = state.ToStatePayload().Heaters;
        Assert.Equal(new HeaterReading("bed", 21.5, 60), heaters.Single(h => h.Name == "bed"));
        Assert.Equal(new HeaterReading("tool0", 22.0, 0), heaters.Single(h => h.Name == "tool0"));
    }

    [Fact]
    public void A_target_for_a_heater_never_read_waits_for_its_first_report()
    {
        var state = new BridgeState(false, TimeProvider.System);

        state.SetHeaterTarget(new HeaterTarget("tool1", 210));

        Assert.Empty(state.ToStatePayload().Heaters);
    }
}
