namespace MakerShop.VirtualPrinter.Simulation;

/// <summary>The M115 answer: the firmware line, then one Cap: line per capability, as Marlin prints them.</summary>
internal static class FirmwareIdentity
{
    public static IEnumerable<string> Lines(bool advancedOk)
    {
        yield return "FIRMWARE_NAME:Marlin 2.1.2 (MakerShop virtual) SOURCE_CODE_URL:github.com/MarlinFirmware/Marlin "
            + "PROTOCOL_VERSION:1.0 MACHINE_TYPE:MakerShop Virtual EXTRUDER_COUNT:1";
        yield return "Cap:SERIAL_XON_XOFF:0";
        yield return "Cap:BINARY_FILE_TRANSFER:0";
        yield return "Cap:EEPROM:0";
        yield return "Cap:AUTOREPORT_TEMP:1";
        yield return "Cap:PROGRESS:0";
        yield return "Cap:PRINT_JOB:1";
        yield return "Cap:BUILD_PERCENT:1";
        yield return "Cap:EMERGENCY_PARSER:1";
        yield return "Cap:HOST_ACTION_COMMANDS:0";
        yield return "Cap:SDCARD:0";
        yield return "Cap:THERMAL_PROTECTION:1";
        yield return "Cap:ARCS:1";
        yield return advancedOk ? "Cap:ADVANCED_OK:1" : "Cap:ADVANCED_OK:0";
    }
}
