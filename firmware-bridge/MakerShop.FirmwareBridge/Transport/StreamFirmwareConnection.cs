using System.Text;

namespace MakerShop.FirmwareBridge.Transport;

/// <summary>Line framing over any byte stream; a serial port transport can reuse it.</summary>
public sealed class StreamFirmwareConnection : IFirmwareConnection
{
    private readonly Stream stream;
    private readonly IDisposable? owner;
    private readonly StreamReader reader;
    private readonly StreamWriter writer;
    private readonly SemaphoreSlim writeGate = new(1, 1);

    public StreamFirmwareConnection(Stream stream, IDisposable? owner = null)
    {
        this.stream = stream;
        this.owner = owner;
        reader = new StreamReader(stream, Encoding.ASCII, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
    }

    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken = default) =>
        await reader.ReadLineAsync(cancellationToken);

    public async Task WriteLineAsync(string line, CancellationToken cancellationToken = default)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
            await writer.FlushAsync(cancellationToken);
        }
        finally
        {
            writeGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        reader.Dispose();
        try
        {
            await writer.DisposeAsync();
        }
        catch (IOException)
        {
            // The peer already closed; there is nothing left to flush to.
        }

        await stream.DisposeAsync();
        owner?.Dispose();
        writeGate.Dispose();
    }
}
