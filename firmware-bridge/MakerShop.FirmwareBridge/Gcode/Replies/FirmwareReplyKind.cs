namespace MakerShop.FirmwareBridge.Gcode.Replies;

public enum FirmwareReplyKind
{
    /// <summary>Anything that needs no action: echo:, unknown lines, Repetier's "skip", Klipper's state while it runs.</summary>
    Info,

    /// <summary>"ok", with ADVANCED_OK counts or a temperature report riding along.</summary>
    Ok,
    Resend,

    /// <summary>"echo:busy: processing" and friends: the firmware is alive but blocked.</summary>
    Busy,

    /// <summary>Marlin's NO_TIMEOUTS "wait": its command buffer ran empty.</summary>
    Wait,

    /// <summary>A temperature report that is not an ok (M155 auto-report, M109/M190 progress).</summary>
    Temperature,

    /// <summary>The firmware (re)booted.</summary>
    Start,

    /// <summary>An error the firmware survives; see <see cref="FirmwareReply.Error"/> for which kind.</summary>
    Error,

    /// <summary>The firmware halted; only a reset brings it back.</summary>
    Fatal,

    /// <summary>An M115 line: FIRMWARE_NAME:… or Cap:NAME:0|1.</summary>
    FirmwareInfo,

    /// <summary>A host action command, "//action:pause".</summary>
    Action,

    /// <summary>An M27 or M73 progress report from the firmware.</summary>
    Progress,

    /// <summary>An M114 position report on its own line.</summary>
    Position,

    /// <summary>A heater's new target on its own line (Repetier "TargetExtr0:210", "TargetBed:60").</summary>
    TargetTemperature,

    /// <summary>Not a firmware line: the link closed.</summary>
    Disconnected,
}
