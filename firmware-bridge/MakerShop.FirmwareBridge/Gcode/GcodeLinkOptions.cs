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

    /// <summary>How long to wait for the "start" a board prints after the connection resets it; some take seconds to boot.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Marlin's MAX_CMD_SIZE: the firmware's line buffer, counted as the numbered line ("N…" to "*cs") plus its
    /// terminating newline. Longer lines would be cut off by the firmware; a program line that long fails the job.
    /// </summary>
    public int MaxLineLength { get; init; } = 96;

    /// <summary>
    /// Commands that may block the firmware for minutes without a busy line (OctoPrint's long-running and blocking
    /// commands, plus heat-and-wait). While one is the oldest unacknowledged line, silence is not a timeout.
    /// </summary>
    public IReadOnlyCollection<string> LongRunningCommands { get; init; } = DefaultLongRunningCommands;

    /// <summary>Added to <see cref="LongRunningCommands"/>, e.g. Klipper macros such as BED_MESH_CALIBRATE.</summary>
    public IReadOnlyCollection<string> ExtraLongRunningCommands { get; init; } = [];

    public static IReadOnlyCollection<string> DefaultLongRunningCommands { get; } =
        ["G4", "G28", "G29", "G30", "G32", "M400", "M226", "M600", "M0", "M1", "M109", "M190", "M191", "M303"];

    internal bool IsLongRunning(string command)
    {
        var end = command.IndexOf(' ', StringComparison.Ordinal);
        var name = end < 0 ? command : command[..end];
        return Contains(LongRunningCommands, name) || Contains(ExtraLongRunningCommands, name);

        static bool Contains(IReadOnlyCollection<string> names, string name) =>
            names.Any(candidate => string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>In flight at once: one in ping-pong, the window otherwise.</summary>
    internal int MaxInFlight => FlowControl == FlowControl.PingPong ? 1 : WindowSize;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(WindowSize, 1, nameof(WindowSize));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(OkTimeout, TimeSpan.Zero, nameof(OkTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(HistorySize, WindowSize * 4, nameof(HistorySize));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StartTimeout, TimeSpan.Zero, nameof(StartTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLineLength, 32, nameof(MaxLineLength));
        ArgumentNullException.ThrowIfNull(LongRunningCommands);
        ArgumentNullException.ThrowIfNull(ExtraLongRunningCommands);
    }
}
