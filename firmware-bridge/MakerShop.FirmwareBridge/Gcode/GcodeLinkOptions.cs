namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>The streaming engine's settings; an immutable record per link.</summary>
public sealed record GcodeLinkOptions
{
    public FlowControl FlowControl { get; init; } = FlowControl.PingPong;

    /// <summary>Lines in flight in <see cref="FlowControl.Windowed"/> mode; 4 is Marlin's default BUFSIZE.</summary>
    public int WindowSize { get; init; } = 4;

    /// <summary>Silence (no ok, resend or busy line) after which the link probes with M105.</summary>
    public TimeSpan OkTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Sent lines kept for resend requests; far more than any window, and bounded whatever the file size.</summary>
    public int HistorySize { get; init; } = 1024;

    /// <summary>In flight at once: one in ping-pong, the window otherwise.</summary>
    internal int MaxInFlight => FlowControl == FlowControl.PingPong ? 1 : WindowSize;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(WindowSize, 1, nameof(WindowSize));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(OkTimeout, TimeSpan.Zero, nameof(OkTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(HistorySize, WindowSize * 4, nameof(HistorySize));
    }
}
