using System.Collections.Concurrent;
using MakerShop.FirmwareBridge.Transport;

namespace MakerShop.FirmwareBridge.Tests.Support;

/// <summary>Keeps the last lines both ways ("&gt; sent", "&lt; received"), so a failed protocol test can show the conversation.</summary>
internal sealed class RecordingConnection(IFirmwareConnection inner, int keep = 200) : IFirmwareConnection
{
    private readonly ConcurrentQueue<string> lines = new();

    public string Tail => string.Join('\n', lines);

    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken = default)
    {
        var line = await inner.ReadLineAsync(cancellationToken);
        Record("< " + line);
        return line;
    }

    public Task WriteLineAsync(string line, CancellationToken cancellationToken = default)
    {
        Record("> " + line);
        return inner.WriteLineAsync(line, cancellationToken);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private void Record(string line)
    {
        lines.Enqueue(line);
        while (lines.Count > keep)
        {
            lines.TryDequeue(out _);
        }
    }
}
