namespace MakerShop.FirmwareBridge.Gcode.Sources;

/// <summary>A few prepared commands (handshake, cool-down, tests); "bytes" are the commands' lengths plus a newline each.</summary>
internal sealed class InMemoryGcodeSource : IGcodeSource
{
    private readonly IReadOnlyList<string> lines;
    private int next;
    private long offset;

    public InMemoryGcodeSource(IReadOnlyList<string> lines)
    {
        this.lines = lines;
        TotalBytes = lines.Sum(line => (long)line.Length + 1);
    }

    public long TotalBytes { get; }

    public int PeakBufferedBytes => 0;

    public ValueTask<ProgramLine?> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (next == lines.Count)
        {
            return ValueTask.FromResult<ProgramLine?>(null);
        }

        var line = lines[next++];
        offset += line.Length + 1;
        return ValueTask.FromResult<ProgramLine?>(new ProgramLine(line, offset));
    }

    public void Dispose()
    {
        // Nothing held but the list the caller owns.
    }
}
