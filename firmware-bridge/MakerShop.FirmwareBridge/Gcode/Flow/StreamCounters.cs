namespace MakerShop.FirmwareBridge.Gcode.Flow;

/// <summary>What one run has done so far; copied into its <see cref="PrintResult"/>.</summary>
internal sealed class StreamCounters(TimeProvider timeProvider)
{
    private readonly long startedAt = timeProvider.GetTimestamp();

    public long LinesSent { get; private set; }

    public long BytesSent { get; private set; }

    public int Resends { get; set; }

    public long LinesAcknowledged { get; set; }

    public long BytesAcknowledged { get; set; }

    public void Sent(string wire)
    {
        LinesSent++;
        BytesSent += wire.Length + 1;
    }

    public PrintResult Stamp(PrintResult result, int peakHistory, int peakLookAhead) => result with
    {
        LinesSent = LinesSent,
        BytesSent = BytesSent,
        Resends = Resends,
        LinesAcknowledged = LinesAcknowledged,
        Elapsed = timeProvider.GetElapsedTime(startedAt),
        PeakHistoryLines = peakHistory,
        PeakLookAheadBytes = peakLookAhead,
    };
}
