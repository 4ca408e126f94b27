namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>
/// Why a keep-alive line says the firmware is busy: Marlin's and Prusa's "echo:busy: processing", "busy: paused for
/// user" and "busy: paused for input" (language.h STR_BUSY_*), and the "heating" and "door open" of its MK4duo fork.
/// </summary>
public enum FirmwareBusyReason
{
    /// <summary>A long command (homing, probing, a dwell, a heat-and-wait) is running.</summary>
    Processing,

    /// <summary>M0/M1 or a filament change waits for someone at the printer to press the button.</summary>
    PausedForUser,

    /// <summary>A host prompt or the LCD waits for an answer.</summary>
    PausedForInput,

    Heating,

    DoorOpen,

    /// <summary>A wording this bridge does not know; the line itself says what.</summary>
    Other,
}
