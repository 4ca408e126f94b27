using MakerShop.FirmwareBridge.Gcode;
using MakerShop.FirmwareBridge.Gcode.Replies;

namespace MakerShop.FirmwareBridge.Tests.Gcode.Replies;

public sealed class FirmwareReplyParserTests
{
    [Theory]
    [InlineData("Resend: 23", 23)]
    [InlineData("Resend:23", 23)]
    [InlineData("Resend: N23", 23)]
    [InlineData("Resend: N:23", 23)]
    [InlineData("rs 23", 23)]
    [InlineData("rs N23", 23)]
    [InlineData("rs N:23", 23)]
    [InlineData("rs N23 expected checksum 109", 23)]
    [InlineData("Resend: 134497", 134497)]
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
    [InlineData("Error:MINTEMP triggered, system stopped! Heater_ID: 0")]
    [InlineData("Error:Heating failed, system stopped! Heater_ID: 0")]
    [InlineData("Error:Thermal Malfunction, system stopped! Heater_ID: bed")]
    [InlineData("!! Shutdown due to M112 command")]
    [InlineData("!! MCU 'mcu' shutdown: Timer too close")]
    [InlineData("// Klipper state: Shutdown")]
    [InlineData("Error:Printer stopped due to errors. Fix the error and use M999 to restart. (Temperature is reset. Set it after restarting)")]
    [InlineData("Error:Heater switched off. Temperature difference between temp sensors is too high !, system stopped! Heater_ID: 0")]
    [InlineData("Error:!! STOP called because of BLTouch error - restart with M999")]
    [InlineData("!! KILL caused by KILL button/pin")]
    [InlineData("!! STOP called because of unhomed error - restart with M999")]
    [InlineData("Error: HOTEND THERMAL RUNAWAY")]
    [InlineData("Error: HEATBED THERMAL RUNAWAY")]
    [InlineData("Error: THERMAL RUNAWAY (PREHEAT HOTEND)")]
    [InlineData("Error:0: Heaters switched off. MAXTEMP triggered!")]
    [InlineData("Error:Heaters switched off. MINTEMP BED triggered!")]
    [InlineData("Error:Printer stopped due to errors. Supervision required.")]
    [InlineData("fatal:Heater decoupled during hold - Printer stopped and heaters disabled due to this error. Fix error and restart with M999.")]
    [InlineData("fatal:Heater/sensor error - Printer stopped and heaters disabled due to this error. Fix error and restart with M999.")]
    [InlineData("Error:One heater seems decoupled from thermistor - disabling all for safety!")]
    [InlineData("Error:Printer set into dry run mode until restart!")]
    [InlineData("Error:Fail mode active. Send M999 to disable failed mode!")]
    [InlineData("!! Heater extruder not heating at expected rate")]
    [InlineData("!! Lost communication with MCU 'mcu'")]
    [InlineData("!! Internal error on command:\"G28\"")]
    public void Halting_errors_are_fatal(string line) =>
        Assert.Equal(FirmwareReplyKind.Fatal, FirmwareReplyParser.Parse(line).Kind);

    [Theory]
    [InlineData("Error:checksum mismatch, Last Line: 6322", FirmwareErrorKind.Communication)]
    [InlineData("Error:Line Number is not Last Line Number+1, Last Line: 6322", FirmwareErrorKind.Communication)]
    [InlineData("Error:No Checksum with line number, Last Line: 12", FirmwareErrorKind.Communication)]
    [InlineData("Error:No Line Number with checksum, Last Line: 12", FirmwareErrorKind.Communication)]
    [InlineData("Error:expected line 23 got 25", FirmwareErrorKind.Communication)]
    [InlineData("Error:Wrong checksum", FirmwareErrorKind.Communication)]
    [InlineData("Error:Missing checksum", FirmwareErrorKind.Communication)]
    [InlineData("Error:Format error", FirmwareErrorKind.Communication)]
    [InlineData("Error:volume.init failed", FirmwareErrorKind.NonFatal)]
    [InlineData("Error:openRoot failed", FirmwareErrorKind.NonFatal)]
    [InlineData("Error:open failed, File: print.gco.", FirmwareErrorKind.NonFatal)]
    [InlineData("Error: Unknown command: \"ABC\"", FirmwareErrorKind.NonFatal)]
    [InlineData("!! Move out of range: 300.000 0.000 0.200 [0.000]", FirmwareErrorKind.NonFatal)]
    [InlineData("!! Must home axis first: 10.000 10.000 0.200 [0.000]", FirmwareErrorKind.NonFatal)]
    [InlineData("Error:Probing Failed", FirmwareErrorKind.NonFatal)]
    public void Errors_the_firmware_survives_are_told_apart(string line, FirmwareErrorKind expected)
    {
        var reply = FirmwareReplyParser.Parse(line);

        Assert.Equal(FirmwareReplyKind.Error, reply.Kind);
        Assert.Equal(expected, reply.Error);
    }

    [Theory]
    [InlineData("Resend: 034497", "034497")]
    [InlineData("rs N:007", "007")]
    public void A_resend_keeps_the_digits_as_written_so_noise_can_be_checked(string line, string digits) =>
        Assert.Equal(digits, FirmwareReplyParser.Parse(line).ResendDigits);

    [Theory]
    [InlineData("ok", null, null, null)]
    [InlineData("ok N6320 P6 B1", 6320L, 6, 1)]
    [InlineData("ok N1499 P0 B0", 1499L, 0, 0)]
    [InlineData("ok P15 B3", null, 15, 3)]
    [InlineData("ok 123", 123L, null, null)]
    [InlineData("ok T:210.0 /210.0 B:60.0 /60.0 @:127 B@:0", null, null, null)]
    public void Ok_counts_are_read(string line, long? lineNumber, int? plannerFree, int? bufferFree)
    {
        var reply = FirmwareReplyParser.Parse(line);

        Assert.Equal(FirmwareReplyKind.Ok, reply.Kind);
        Assert.Equal((lineNumber, plannerFree, bufferFree), (reply.Ok!.LineNumber, reply.Ok.PlannerFree, reply.Ok.BufferFree));
    }

    [Theory]
    [InlineData("echo:busy: processing", FirmwareReplyKind.Busy)]
    [InlineData("busy:processing", FirmwareReplyKind.Busy)]
    [InlineData("Error:checksum mismatch, Last Line: 6322", FirmwareReplyKind.Error)]
    [InlineData("start", FirmwareReplyKind.Start)]
    [InlineData("ok", FirmwareReplyKind.Ok)]
    [InlineData("ok N6320 P6 B1", FirmwareReplyKind.Ok)]
    [InlineData("echo:Unknown command: \"G999\"", FirmwareReplyKind.Info)]
    [InlineData("echo:busy: paused for user", FirmwareReplyKind.Busy)]
    [InlineData("wait", FirmwareReplyKind.Wait)]
    [InlineData("okay then", FirmwareReplyKind.Info)]
    [InlineData("Cap:AUTOREPORT_TEMP:1", FirmwareReplyKind.FirmwareInfo)]
    [InlineData("//action:pause", FirmwareReplyKind.Action)]
    [InlineData("SD printing byte 1234/56789", FirmwareReplyKind.Progress)]
    [InlineData("skip 23", FirmwareReplyKind.Info)]
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
