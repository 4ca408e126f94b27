namespace MakerShop.VirtualPrinter.Faults;

/// <summary>
/// Decides which configured faults strike. Share-based faults hash (seed, line or ok number) instead of drawing
/// from a shared random sequence, so the same seed hits the same lines however the host's timing interleaves.
/// Count-based faults fire once per printer, so a host that reconnects can finish its work.
/// </summary>
internal sealed class FaultInjector(VirtualPrinterOptions options, PrinterCounters counters)
{
    private const ulong CorruptSalt = 0x243F6A8885A308D3;
    private const ulong DropOkSalt = 0x13198A2E03707344;

    private readonly Lock gate = new();
    private long lastCorrupted = -1;
    private bool corruptOnceUsed;
    private int disconnectUsed;
    private int runawayUsed;

    /// <summary>Called for each numbered line that arrived intact; true means answer it as a checksum mismatch.</summary>
    public bool ShouldCorrupt(long lineNumber)
    {
        bool corrupt;
        lock (gate)
        {
            var once = !corruptOnceUsed && options.CorruptLineOnce == lineNumber;

            // Never the same line twice in a row, so a resend always gets through and the host makes progress.
            var shared = lastCorrupted != lineNumber && Roll(CorruptSalt, lineNumber) < options.CorruptLineShare;
            corruptOnceUsed |= once;
            corrupt = once || shared;
            lastCorrupted = corrupt ? lineNumber : -1;
        }

        if (corrupt)
        {
            counters.LineCorrupted();
        }

        return corrupt;
    }

    /// <summary>Whether the ok for the <paramref name="executedLine"/>-th executed line is lost.</summary>
    public bool ShouldDropOk(int executedLine) => Roll(DropOkSalt, executedLine) < options.DropOkShare;

    public bool ShouldDisconnect(int executedLines) => Reached(options.DisconnectAfterLines, executedLines, ref disconnectUsed);

    public bool ShouldRunAway(int executedLines) => Reached(options.ThermalRunawayAfterLines, executedLines, ref runawayUsed);

    private static bool Reached(int? limit, int executedLines, ref int used) =>
        limit is { } n && executedLines >= n && Interlocked.Exchange(ref used, 1) == 0;

    /// <summary>A uniform number in [0, 1) from the seed and a salt per fault kind (SplitMix64 finaliser).</summary>
    private double Roll(ulong salt, long value)
    {
        var x = unchecked(((ulong)options.FaultSeed * 0x9E3779B97F4A7C15) ^ salt ^ (ulong)value);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EB);
        x ^= x >> 31;
        return (x >> 11) * (1.0 / (1UL << 53));
    }
}
