namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>How many lines the link keeps in flight.</summary>
public enum FlowControl
{
    /// <summary>One line, then wait for its ok (OctoPrint's default, ackMax 1). Slow on long serial round trips, never overruns.</summary>
    PingPong,

    /// <summary>
    /// Up to <see cref="GcodeLinkOptions.WindowSize"/> lines (Marlin's BUFSIZE), fewer when ADVANCED_OK's B says the
    /// firmware's command buffer is fuller than the link thinks. Keeps the planner fed over a slow link.
    /// </summary>
    Windowed,
}
