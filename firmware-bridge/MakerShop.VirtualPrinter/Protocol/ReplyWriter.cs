using System.Text;

namespace MakerShop.VirtualPrinter.Protocol;

/// <summary>Serialises reply lines from the receive side, the executor and the auto-reporter onto one stream.</summary>
internal sealed class ReplyWriter(Stream stream) : IAsyncDisposable
{
    private readonly StreamWriter writer = new(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task WriteLineAsync(string line, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
            await writer.FlushAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await writer.DisposeAsync();
        gate.Dispose();
    }
}
