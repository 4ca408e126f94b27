namespace MakerShop.FirmwareBridge.Gcode;

public enum PrintOutcome
{
    Completed,
    Cancelled,
    Failed,
}

/// <summary>How a program run ended; <see cref="FirmwareHalted"/> means the printer needs a reset before it prints again.</summary>
public sealed record PrintResult(PrintOutcome Outcome, string? Reason = null, bool FirmwareHalted = false)
{
    public static PrintResult Completed { get; } = new(PrintOutcome.Completed);

    public static PrintResult Cancelled { get; } = new(PrintOutcome.Cancelled, "cancelled");

    public static PrintResult Failed(string reason, bool firmwareHalted = false) => new(PrintOutcome.Failed, reason, firmwareHalted);
}

/// <summary>Program lines the firmware has acknowledged so far (the link's own M110/M105 lines are not counted).</summary>
public readonly record struct PrintProgress(int LinesAcknowledged, int TotalLines)
{
    public double Fraction => TotalLines == 0 ? 1 : (double)LinesAcknowledged / TotalLines;
}
