namespace MakerShop.FirmwareBridge.Gcode;

public enum FirmwareReplyKind
{
    /// <summary>Anything that needs no action: echo:, Cap:, FIRMWARE_NAME, wait.</summary>
    Info,
    Ok,
    Resend,
    Busy,
    /// <summary>A temperature report that is not an ok (M155 auto-report, M109/M190 progress).</summary>
    Temperature,
    /// <summary>The firmware (re)booted.</summary>
    Start,
    /// <summary>An error the firmware survives; a Resend usually follows.</summary>
    Error,
    /// <summary>The firmware halted; only a reset brings it back.</summary>
    Fatal,

    /// <summary>Not a firmware line: the link closed.</summary>
    Disconnected,
}
