using MakerShop.FirmwareBridge.Gcode;

namespace MakerShop.FirmwareBridge.Tests.Gcode;

public sealed class FirmwareReplyParserTests
{
    [Theory]
    [InlineData("Resend: 23", 23)]
    [InlineData("Resend:23", 23)]
    [InlineData("Resend: N23", 23)]
    [InlineData("Resend: N:23", 23)]
    [InlineData("rs 23", 23)]
    [InlineData("rs N23", 23)]
    [InlineData("rs N23 expected checksum 109", 23)]
    public void Every_known_resend_spelling_is_understood(string line, long expected)
    {
        var reply = FirmwareReplyParser.Parse(line);

        Assert.Equal(FirmwareReplyKind.Resend, reply.Kind);
        Assert.Equal(expected, reply.ResendLine);
    }

    [Theory]
    [InlineData("Error:Printer halted. kill() called!")]
    [InlineData("Error:Thermal Runaway, system stopped! Heater_ID: 0")]
    [InlineData("Error:MAXTEMP triggered, system stopped! Heater_ID: bed")]
    public void Halting_errors_are_fatal(string line) =>
        Assert.Equal(FirmwareReplyKind.Fatal, FirmwareReplyParser.Parse(line).Kind);

    [Theory]
    [InlineData("echo:busy: processing", FirmwareReplyKind.Busy)]
    [InlineData("busy:processing", FirmwareReplyKind.Busy)]
    [InlineData("Error:checksum mismatch, Last Line: 6322", FirmwareReplyKind.Error)]
    [InlineData("start", FirmwareReplyKind.Start)]
    [InlineData("ok", FirmwareReplyKind.Ok)]
    [InlineData("ok N6320 P6 B1", FirmwareReplyKind.Ok)]
    [InlineData("echo:Unknown command: \"G999\"", FirmwareReplyKind.Info)]
    public void Lines_are_classified(string line, FirmwareReplyKind expected) =>
        Assert.Equal(expected, FirmwareReplyParser.Parse(line).Kind);

    [Fact]
    public void An_ok_with_temperatures_carries_the_heater_readings()
    {
        var reply = FirmwareReplyParser.Parse("ok T:115.01 /180.00 B:27.27 /0.00 @:127 B@:0");

        Assert.Equal(FirmwareReplyKind.Ok, reply.Kind);
        Assert.Collection(
            reply.Heaters!,
            bed => Assert.Equal(("bed", 27.27, (double?)0.0), (bed.Name, bed.Actual, bed.Target)),
            tool => Assert.Equal(("tool0", 115.01, (double?)180.0), (tool.Name, tool.Actual, tool.Target)));
    }

    [Fact]
    public void An_auto_report_is_a_temperature_line_and_T0_wins_over_T()
    {
        var reply = FirmwareReplyParser.Parse(" T:240.7 /240.0 B:93.4 /95.0 T0:240.5 /240.0 T1:237.9 /240.0 B@:127 @:29 W:?");

        Assert.Equal(FirmwareReplyKind.Temperature, reply.Kind);
        Assert.Equal(["bed", "tool0", "tool1"], reply.Heaters!.Select(h => h.Name));
        Assert.Equal(240.5, reply.Heaters!.Single(h => h.Name == "tool0").Actual);
    }

    [Fact]
    public void The_firmware_name_is_read_from_M115()
    {
        var name = FirmwareInfoParser.TryParseFirmwareName(
            "FIRMWARE_NAME:Marlin 2.1.3 (Aug  1 2024 12:00:00) SOURCE_CODE_URL:github.com/MarlinFirmware/Marlin PROTOCOL_VERSION:1.0 MACHINE_TYPE:3D Printer");

        Assert.Equal("Marlin 2.1.3 (Aug  1 2024 12:00:00)", name);
    }
}
