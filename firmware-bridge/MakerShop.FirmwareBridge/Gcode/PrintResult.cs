namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>
/// How a run ended (<see cref="Outcome"/>, and <see cref="Reason"/> in the firmware's or the link's words) and what it
/// took. <see cref="FirmwareHalted"/> means the printer needs a reset before it prints again.
/// </summary>
public sealed record PrintResult(PrintOutcome Outcome, string? Reason = null, bool FirmwareHalted = false)
{
    public static PrintResult Completed { get; } = new(PrintOutcome.Completed);

    public static PrintResult Cancelled { get; } = new(PrintOutcome.Cancelled, "cancelled");

    /// <summary>Numbered lines written, the link's own (M110, M105 probes and polls) and resent ones included.</summary>
    public long LinesSent { get; init; }

    /// <summary>Bytes written for those lines, line numbers, checksums and newlines included.</summary>
    public long BytesSent { get; init; }

    /// <summary>Resend requests honoured (repeats of one request, and noise, are not counted).</summary>
    public int Resends { get; init; }

    /// <summary>Program lines the firmware acknowledged.</summary>
    public long LinesAcknowledged { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>The most sent lines held for resends at once; bounded by the history size.</summary>
    internal int PeakHistoryLines { get; init; }

    /// <summary>The most bytes of the program file held at once; bounded by the reader's buffer.</summary>
    internal int PeakLookAheadBytes { get; init; }

    public static PrintResult Failed(string reason, bool firmwareHalted = false) => new(PrintOutcome.Failed, reason, firmwareHalted);
}
