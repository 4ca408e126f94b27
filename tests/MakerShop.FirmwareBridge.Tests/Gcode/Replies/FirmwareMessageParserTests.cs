using MakerShop.FirmwareBridge.Gcode.Replies;

namespace MakerShop.FirmwareBridge.Tests.Gcode.Replies;

/// <summary>M115 identity and capabilities, M27/M73 progress and host action commands.</summary>
public sealed class FirmwareMessageParserTests
{
    [Fact]
    public void Marlin_identity_splits_at_upper_case_keys_and_keeps_spaces_in_values()
    {
        var fields = FirmwareInfoParser.TryParseIdentity(
            "FIRMWARE_NAME:Marlin 2.1.3 (Aug  1 2024 12:00:00) SOURCE_CODE_URL:github.com/MarlinFirmware/Marlin PROTOCOL_VERSION:1.0 MACHINE_TYPE:3D Printer KINEMATICS:Cartesian EXTRUDER_COUNT:1 UUID:cede2a2f-41a2-4748-9b12-c55c62f367ff");

        Assert.NotNull(fields);
        Assert.Equal("Marlin 2.1.3 (Aug  1 2024 12:00:00)", fields["FIRMWARE_NAME"]);
        Assert.Equal("3D Printer", fields["MACHINE_TYPE"]);
        Assert.Equal("1", fields["EXTRUDER_COUNT"]);
    }

    [Theory]
    [InlineData("FIRMWARE_NAME:Prusa-Firmware 3.10.1 based on Marlin FIRMWARE_URL:https://github.com/prusa3d/Prusa-Firmware PROTOCOL_VERSION:1.0 MACHINE_TYPE:Prusa i3 MK3S EXTRUDER_COUNT:1", "Prusa-Firmware 3.10.1 based on Marlin")]
    [InlineData("ok FIRMWARE_NAME:Klipper FIRMWARE_VERSION:v0.12.0-85-gd785b396", "Klipper")]
    [InlineData("FIRMWARE_NAME:Repetier_1.0.3 FIRMWARE_URL:https://github.com/repetier/Repetier-Firmware/ PROTOCOL_VERSION:1.0 MACHINE_TYPE:Mendel EXTRUDER_COUNT:1 REPETIER_PROTOCOL:3", "Repetier_1.0.3")]
    [InlineData("FIRMWARE_NAME:Marlin 2.1.2 (MakerShop virtual) SOURCE_CODE_URL:github.com/MarlinFirmware/Marlin", "Marlin 2.1.2 (MakerShop virtual)")]
    public void The_firmware_name_is_read_whatever_the_firmware(string line, string expected) =>
        Assert.Equal(expected, FirmwareInfoParser.TryParseFirmwareName(line));

    [Fact]
    public void The_https_in_a_url_does_not_split_the_value() =>
        Assert.Equal(
            "https://github.com/prusa3d/Prusa-Firmware",
            FirmwareInfoParser.TryParseIdentity("FIRMWARE_NAME:Prusa-Firmware 3.10.1 FIRMWARE_URL:https://github.com/prusa3d/Prusa-Firmware PROTOCOL_VERSION:1.0")!["FIRMWARE_URL"]);

    [Theory]
    [InlineData("Cap:AUTOREPORT_TEMP:1", "AUTOREPORT_TEMP", true)]
    [InlineData("Cap:EMERGENCY_PARSER:1", "EMERGENCY_PARSER", true)]
    [InlineData("Cap:PROGRESS:0", "PROGRESS", false)]
    [InlineData("Cap:ADVANCED_OK:1", "ADVANCED_OK", true)]
    [InlineData("Cap:PRUSA_MMU2:1", "PRUSA_MMU2", true)]
    public void Capability_lines_are_name_and_flag(string line, string name, bool enabled)
    {
        Assert.True(FirmwareInfoParser.TryParseCapability(line, out var parsed, out var on));
        Assert.Equal((name, enabled), (parsed, on));
    }

    [Theory]
    [InlineData("Cap:AUTOREPORT_TEMP:2")]
    [InlineData("Cap:autoreport_temp:1")]
    [InlineData("echo:Cap:AUTOREPORT_TEMP:1")]
    public void Anything_else_is_not_a_capability(string line) =>
        Assert.False(FirmwareInfoParser.TryParseCapability(line, out _, out _));

    [Theory]
    [InlineData("SD printing byte 1234/56789", true, 1234L, 56789L, null, null)]
    [InlineData("Not SD printing", false, null, null, null, null)]
    [InlineData("Not SD printing.", false, null, null, null, null)]
    [InlineData("echo:  M73 Progress: 12%; Time left: 34m", false, null, null, 12, 34)]
    [InlineData("echo: M73 Progress: 25%; Time left: 43m; Change: 5m;", false, null, null, 25, 43)]
    [InlineData("NORMAL MODE: Percent done: 12; print time remaining in mins: 34", false, null, null, 12, 34)]
    [InlineData("NORMAL MODE: Percent done: -1; print time remaining in mins: -1; Change in mins: -1", false, null, null, null, null)]
    public void Progress_reports_are_read(string line, bool sdPrinting, long? position, long? size, int? percent, int? minutes)
    {
        var report = FirmwareProgressParser.TryParse(line);

        Assert.NotNull(report);
        Assert.Equal((sdPrinting, position, size, percent, minutes), (report.SdPrinting, report.SdBytePosition, report.SdFileSize, report.PercentDone, report.MinutesRemaining));
    }

    [Theory]
    [InlineData("//action:pause", "pause", null)]
    [InlineData("// action:cancel", "cancel", null)]
    [InlineData("//action:resume", "resume", null)]
    [InlineData("//action:paused", "paused", null)]
    [InlineData("//action:resumed", "resumed", null)]
    [InlineData("//action:disconnect", "disconnect", null)]
    [InlineData("//action:prompt_begin Filament runout", "prompt_begin", "Filament runout")]
    [InlineData("//action:prompt_button Continue", "prompt_button", "Continue")]
    [InlineData("//action:notification Heating done", "notification", "Heating done")]
    public void Host_actions_are_read(string line, string name, string? argument)
    {
        var action = HostActionParser.TryParse(line);

        Assert.NotNull(action);
        Assert.Equal((name, argument), (action.Name, action.Argument));
    }

    [Theory]
    [InlineData("// Klipper state: Ready")]
    [InlineData("echo:action:pause")]
    public void Other_comment_lines_are_not_host_actions(string line) => Assert.Null(HostActionParser.TryParse(line));
}
