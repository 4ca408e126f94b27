namespace MakerShop.VirtualPrinter.Faults;

/// <summary>What the printer saw and did across all connections, for tests and benchmarks to read.</summary>
internal sealed class PrinterCounters
{
    private long bytesReceived;
    private int resendRequests;
    private int oksDropped;
    private int linesCorrupted;
    private int linesExecuted;

    public long BytesReceived => Interlocked.Read(ref bytesReceived);

    public int ResendRequests => Volatile.Read(ref resendRequests);

    public int OksDropped => Volatile.Read(ref oksDropped);

    public int LinesCorrupted => Volatile.Read(ref linesCorrupted);

    public void AddBytesReceived(int count) => Interlocked.Add(ref bytesReceived, count);

    public void ResendRequested() => Interlocked.Increment(ref resendRequests);

    public void OkDropped() => Interlocked.Increment(ref oksDropped);

    public void LineCorrupted() => Interlocked.Increment(ref linesCorrupted);

    /// <summary>Counts a host line the executor took up and returns how many have run so far, this one included.</summary>
    public int LineExecuted() => Interlocked.Increment(ref linesExecuted);
}
