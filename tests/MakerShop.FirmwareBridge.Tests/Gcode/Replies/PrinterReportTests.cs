using MakerShop.FirmwareBridge.Gcode.Replies;

namespace MakerShop.FirmwareBridge.Tests.Gcode.Replies;

/// <summary>
/// Lines real printers print that are neither oks nor heater reports: M114 positions (whose motor counts on a delta
/// or CoreXY machine read "A: B: C:"), Repetier's lone target lines, Malyan's M115 answer, the end of an SD print,
/// what a busy firmware waits on and Klipper's state. Each is read into its own field, never mistaken for another.
/// </summary>
public sealed class PrinterReportTests
{
    [Theory]
    [InlineData("X:10.00 Y:20.00 Z:0.30 E:0.00 Count A:800 B:1600 C:120")]
    [InlineData("X:10.00 Y:20.00 Z:0.30 E:0.00 Count A:800 B:1600 Z:120")]
    [InlineData("X:10.00 Y:20.00 Z:0.30 E:0.00 Count X:800 Y:1600 Z:120")]
    [InlineData("ok X:10.00 Y:20.00 Z:0.30 E:0.00 Count A:800 B:1600 C:120")]
    [InlineData("X:10.00 Y:20.00 Z:0.30 A:0.00 B:45.00 C:0.00 E:0.00 Count X:800 Y:1600 Z:120 A:0 B:3600 C:0")]
    public void A_position_report_is_never_read_as_heater_temperatures(string line)
    {
        var reply = FirmwareReplyParser.Parse(line);

        Assert.Null(reply.Heaters);
        Assert.Null(TemperatureReportParser.TryParse(line));
        Assert.Equal((10.0, 20.0, 0.3), (reply.Position!.X, reply.Position.Y, reply.Position.Z));
    }

    [Fact]
    public void A_delta_position_report_keeps_its_motor_counts_by_motor()
    {
        var reply = FirmwareReplyParser.Parse("X:10.00 Y:20.00 Z:0.30 E:0.00 Count A:800 B:1600 C:120");

        Assert.Equal(FirmwareReplyKind.Position, reply.Kind);
        Assert.Equal(0.0, reply.Position!.E);
        Assert.Equal(new Dictionary<string, double> { ["A"] = 800, ["B"] = 1600, ["C"] = 120 }, reply.Position.MotorCounts);
    }

    [Fact]
    public void An_ok_carrying_a_position_is_still_an_ok_and_has_no_temperatures_to_resync_an_M105_with()
    {
        var reply = FirmwareReplyParser.Parse("ok X:10.00 Y:20.00 Z:0.30 E:0.00 Count A:800 B:1600 C:120");

        Assert.Equal(FirmwareReplyKind.Ok, reply.Kind);
        Assert.Null(reply.Temperatures);
        Assert.Equal(20.0, reply.Position!.Y);
    }

    [Fact]
    public void A_heater_report_is_not_a_position()
    {
        var reply = FirmwareReplyParser.Parse("ok T:210.0 /210.0 B:60.0 /60.0 @:127 B@:0");

        Assert.Null(reply.Position);
        Assert.Equal(60.0, reply.Heaters!.Single(h => h.Name == "bed").Actual);
    }

    [Theory]
    [InlineData("TargetExtr0:210", "tool0", 210.0)]
    [InlineData("TargetExtr1:0", "tool1", 0.0)]
    [InlineData("TargetBed:60", "bed", 60.0)]
    public void Repetier_target_lines_name_the_heater_and_its_target(string line, string heater, double target)
    {
        var reply = FirmwareReplyParser.Parse(line);

        Assert.Equal(FirmwareReplyKind.TargetTemperature, reply.Kind);
        Assert.Equal(new HeaterTarget(heater, target), reply.Target);
    }

    [Fact]
    public void Malyan_answers_M115_in_its_own_words_and_is_identified()
    {
        const string line = "NAME: Malyan VER: 2.9 MODEL: M200 HW: HA02";

        var reply = FirmwareReplyParser.Parse(line);
        var identity = FirmwareInfoParser.TryParseIdentity(line)!;

        Assert.Equal(FirmwareReplyKind.FirmwareInfo, reply.Kind);
        Assert.Equal("Malyan 2.9", FirmwareInfoParser.TryParseFirmwareName(line));
        Assert.Equal(("2.9", "M200", "HA02"), (identity["FIRMWARE_VERSION"], identity["MACHINE_TYPE"], identity["HW"]));
    }

    [Theory]
    [InlineData("Done printing file")]
    [InlineData("echo:Done printing file")]
    public void The_end_of_a_print_from_the_printers_own_card_is_understood(string line)
    {
        var reply = FirmwareReplyParser.Parse(line);

        Assert.Equal(FirmwareReplyKind.Progress, reply.Kind);
        Assert.True(reply.Progress!.SdPrintFinished);
    }

    [Theory]
    [InlineData("echo:busy: processing", FirmwareBusyReason.Processing)]
    [InlineData("busy:processing", FirmwareBusyReason.Processing)]
    [InlineData("echo:busy: paused for user", FirmwareBusyReason.PausedForUser)]
    [InlineData("echo:busy: paused for input", FirmwareBusyReason.PausedForInput)]
    [InlineData("echo:busy: heating", FirmwareBusyReason.Heating)]
    [InlineData("echo:busy: door open", FirmwareBusyReason.DoorOpen)]
    [InlineData("echo:busy: thinking", FirmwareBusyReason.Other)]
    public void A_busy_line_says_what_the_firmware_waits_on(string line, FirmwareBusyReason reason)
    {
        var reply = FirmwareReplyParser.Parse(line);

        Assert.Equal((FirmwareReplyKind.Busy, (FirmwareBusyReason?)reason), (reply.Kind, reply.BusyReason));
    }

    [Theory]
    [InlineData("// Klipper state: Ready", FirmwareReplyKind.Info, "Ready")]
    [InlineData("// Klipper state: Disconnect", FirmwareReplyKind.Info, "Disconnect")]
    [InlineData("// Klipper state: Not ready", FirmwareReplyKind.Info, "Not ready")]
    [InlineData("// Klipper state: Shutdown", FirmwareReplyKind.Fatal, "Shutdown")]
    public void Klippers_state_is_read(string line, FirmwareReplyKind kind, string state)
    {
        var reply = FirmwareReplyParser.Parse(line);

        Assert.Equal((kind, state), (reply.Kind, reply.KlipperState));
    }

    [Theory]
    [InlineData("echo:Printer stopped due to errors. Supervision required.")]
    [InlineData("echo:Unknown command: \"M999\"")]
    public void Prusas_recoverable_stop_echo_is_not_a_halt(string line) =>
        Assert.NotEqual(FirmwareReplyKind.Fatal, FirmwareReplyParser.Parse(line).Kind);
}
