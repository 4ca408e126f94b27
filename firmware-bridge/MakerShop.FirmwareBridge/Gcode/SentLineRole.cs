namespace MakerShop.FirmwareBridge.Gcode;

internal enum SentLineRole
{
    Program,

    /// <summary>M110 N0 at the start of each conversation.</summary>
    Hello,

    /// <summary>M105 after silence: draws a late ok, or a resend of a lost line.</summary>
    Probe,

    /// <summary>M105 on the poll interval for firmware without AUTOREPORT_TEMP.</summary>
    Poll,
}
