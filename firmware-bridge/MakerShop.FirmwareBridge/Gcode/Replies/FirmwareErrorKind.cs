namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>What an "Error:" or "!!" line that did not halt the firmware means for the host.</summary>
public enum FirmwareErrorKind
{
    /// <summary>A line arrived damaged or out of order; a resend request follows.</summary>
    Communication,

    /// <summary>SD card trouble, an unknown command, a Klipper command error: logged and reported, the job goes on.</summary>
    NonFatal,
}
