namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>How a program run ended; <see cref="FirmwareHalted"/> means the printer needs a reset before it prints again.</summary>
public sealed record PrintResult(PrintOutcome Outcome, string? Reason = null, bool FirmwareHalted = false)
{
    public static PrintResult Completed { get; } = new(PrintOutcome.Completed);

    public static PrintResult Cancelled { get; } = new(PrintOutcome.Cancelled, "cancelled");

    public static PrintResult Failed(string reason, bool firmwareHalted = false) => new(PrintOutcome.Failed, reason, firmwareHalted);
}
