using MakerShop.FirmwareBridge.Gcode.Replies;

namespace MakerShop.FirmwareBridge.Tests.Gcode.Replies;

/// <summary>
/// Heater-state lines per firmware dialect. Each vector is a line as that firmware prints it (M105 reply, M155
/// auto-report or M109/M190 wait line) and the readings expected, as "name=actual/target" (target "-" when absent).
/// </summary>
public sealed class TemperatureReportParserTests
{
    [Theory]
    [InlineData("ok T:115.01 /180.00 B:27.27 /0.00 @:127 B@:0", "bed=27.27/0 tool0=115.01/180")]
    [InlineData(" T:200.54 /200.00 B:60.00 /60.00 @:39 B@:45", "bed=60/60 tool0=200.54/200")]
    [InlineData(" T:240.7 /240.0 B:93.4 /95.0 T0:240.7 /240.0 T1:237.9 /240.0 B@:127 @:29 @0:29 @1:127 W:?", "bed=93.4/95 tool0=240.7/240 tool1=237.9/240")]
    [InlineData("ok T:210.0 /210.0 B:60.0 /60.0 @:127 B@:0", "bed=60/60 tool0=210/210")]
    [InlineData(" T:21.25 /0.00 B:20.94 /0.00 C:22.50 /35.00 @:0 B@:0 C@:0", "bed=20.94/0 chamber=22.5/35 tool0=21.25/0")]
    [InlineData(" T:185.4 /200.0 B:59.8 /60.0 @:127 B@:31 W:3", "bed=59.8/60 tool0=185.4/200")]
    public void Marlin_reports_are_read(string line, string expected) => AssertReadings(line, expected);

    [Theory]
    [InlineData("ok T:20.2 /0.0 B:19.1 /0.0 T0:20.2 /0.0 @:0 B@:0 P:19.8 A:26.4", "ambient=26.4/- bed=19.1/0 probe=19.8/- tool0=20.2/0")]
    [InlineData("T:23.4 /0.0 B:23.9 /0.0 T0:23.4 /0.0 @:0 B@:0 P:0.0 A:28.9", "ambient=28.9/- bed=23.9/0 probe=0/- tool0=23.4/0")]
    [InlineData("ok T:24.8 E:0 B:24.4", "bed=24.4/- tool0=24.8/-")]
    [InlineData("T:215.0 /215.0 B:60.1 /60.0 T0:215.0 /215.0 @:52 B@:28 P:35.2 A:31.0", "ambient=31/- bed=60.1/60 probe=35.2/- tool0=215/215")]
    [InlineData("T:179.9 E:0 W:?", "tool0=179.9/-")]
    public void Prusa_reports_are_read_with_pinda_and_ambient_and_without_the_extruder_index(string line, string expected) =>
        AssertReadings(line, expected);

    [Theory]
    [InlineData("ok B:60.0 /60.0 T0:210.0 /210.0", "bed=60/60 tool0=210/210")]
    [InlineData("ok T:0", "tool0=0/-")]
    [InlineData("B:23.9 /0.0 T0:24.1 /0.0", "bed=23.9/0 tool0=24.1/0")]
    [InlineData("ok B:60.1 /60.0 T0:205.3 /210.0 T1:24.0 /0.0", "bed=60.1/60 tool0=205.3/210 tool1=24/0")]
    [InlineData("ok B:22.0 /0.0 T0:22.3 /0.0", "bed=22/0 tool0=22.3/0")]
    public void Klipper_reports_are_read(string line, string expected) => AssertReadings(line, expected);

    [Theory]
    [InlineData("ok T:21.9 /0.0 B:21.6 /0.0", "bed=21.6/0 tool0=21.9/0")]
    [InlineData("T:210.0 /210.0 B:60.0 /60.0", "bed=60/60 tool0=210/210")]
    [InlineData("ok T0:210.2 /210.0 T1:24.9 /0.0 B:60.1 /60.0", "bed=60.1/60 tool0=210.2/210 tool1=24.9/0")]
    [InlineData("ok T:200.0 /200.0 B:70.0 /70.0 C:45.2 /50.0", "bed=70/70 chamber=45.2/50 tool0=200/200")]
    [InlineData("ok T:-273.1 /0.0 B:24.2 /0.0", "bed=24.2/0 tool0=-273.1/0")]
    public void RepRapFirmware_reports_are_read(string line, string expected) => AssertReadings(line, expected);

    [Theory]
    [InlineData("T:20.52 /0.00 B:20.27 /0.00 B@:0 @:0", "bed=20.27/0 tool0=20.52/0")]
    [InlineData("ok 123 T:210.07 /210 B:60.03 /60 B@:44 @:98", "bed=60.03/60 tool0=210.07/210")]
    [InlineData("T:25.31 /0 B:25.19 /0 B@:0 @:0 T0:25.31 /0 @0:0 T1:24.90 /0 @1:0", "bed=25.19/0 tool0=25.31/0 tool1=24.9/0")]
    [InlineData("T:199.85 /200 B:59.96 /60 B@:0 @:62", "bed=59.96/60 tool0=199.85/200")]
    [InlineData("T:22.79 /0 B:22.68 /0 B@:0 @:0", "bed=22.68/0 tool0=22.79/0")]
    public void Repetier_reports_are_read(string line, string expected) => AssertReadings(line, expected);

    [Theory]
    [InlineData("ok T:210.0 /210.0 @255 B:60.0 /60.0 @128", "bed=60/60 tool0=210/210")]
    [InlineData("ok T:22.1 /0.0 @0 B:21.9 /0.0 @0", "bed=21.9/0 tool0=22.1/0")]
    [InlineData("T:195.6 /200.0 @190 B:58.2 /60.0 @127", "bed=58.2/60 tool0=195.6/200")]
    [InlineData("ok T:24.5 /0.0 @0 T1:24.9 /0.0 @0 B:23.8 /0.0 @0", "bed=23.8/0 tool0=24.5/0 tool1=24.9/0")]
    [InlineData("ok T:215.3 /215.0 @180 B:65.0 /65.0 @0", "bed=65/65 tool0=215.3/215")]
    public void Smoothieware_reports_are_read_with_T_as_tool_zero(string line, string expected) => AssertReadings(line, expected);

    [Theory]
    [InlineData("ok T:115.01 /180.00 B:27.27 /0.00 @:127 B@:0", "bed=0 tool0=127")]
    [InlineData(" T:240.7 /240.0 B:93.4 /95.0 T0:240.7 /240.0 T1:237.9 /240.0 B@:127 @:29 @0:29 @1:127 W:?", "bed=127 tool0=29 tool1=127")]
    [InlineData("ok T:210.0 /210.0 @255 B:60.0 /60.0 @128", "bed=128 tool0=255")]
    [InlineData(" T:21.25 /0.00 B:20.94 /0.00 C:22.50 /35.00 @:0 B@:0 C@:90", "bed=0 chamber=90 tool0=0")]
    public void Heater_power_is_read_for_the_heater_it_belongs_to(string line, string expected)
    {
        var report = TemperatureReportParser.TryParse(line);

        Assert.NotNull(report);
        Assert.Equal(expected, string.Join(' ', report.Power.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => FormattableString.Invariant($"{p.Key}={p.Value:0.##}"))));
    }

    [Fact]
    public void Target_may_follow_the_slash_without_a_blank() =>
        AssertReadings("T:210.0/210.0 B:60.0/60.0", "bed=60/60 tool0=210/210");

    [Theory]
    [InlineData("  TT::124.72124.72  //0.000.00  BB::46.2846.28  //0.000.00  @@::00  BB@@::00")]
    [InlineData("X:10.00 Y:20.00 Z:0.30 E:0.00 Count X:800 Y:1600 Z:120")]
    [InlineData("echo:busy: processing")]
    [InlineData("ok")]
    [InlineData("ok N6320 P6 B1")]
    public void Lines_that_are_not_heater_states_give_no_readings(string line) =>
        Assert.Null(TemperatureReportParser.TryParse(line));

    private static void AssertReadings(string line, string expected)
    {
        var report = TemperatureReportParser.TryParse(line);

        Assert.NotNull(report);
        Assert.Equal(expected, string.Join(' ', report.Heaters.Select(h => FormattableString.Invariant($"{h.Name}={h.Actual:0.##}/{(h.Target is { } t ? t.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "-")}"))));
    }
}
