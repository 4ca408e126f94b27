using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace MakerShop.VirtualPrinter.Tests.Support;

/// <summary>
/// A deliberately tiny host: writes raw or numbered lines and hands back every reply line in order, so tests see
/// exactly what is on the wire. A background pump reads replies so none is lost while a test is busy sending.
/// </summary>
internal sealed class RawMarlinClient : IAsyncDisposable
{
    private readonly TcpClient tcp;
    private readonly NetworkStream stream;
    private readonly Channel<string> replies = Channel.CreateUnbounded<string>();
    private readonly Task pump;

    private RawMarlinClient(TcpClient tcp)
    {
        this.tcp = tcp;
        stream = tcp.GetStream();
        pump = Task.Run(PumpAsync);
    }

    /// <summary>Bytes written so far, line endings included.</summary>
    public long BytesSent { get; private set; }

    public static async Task<RawMarlinClient> ConnectAsync(int port)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", port).WaitAsync(Await.Timeout);
        var client = new RawMarlinClient(tcp);
        Assert.Equal("start", await client.ReadLineAsync());
        return client;
    }

    public async Task SendAsync(string raw)
    {
        var bytes = Encoding.ASCII.GetBytes(raw + "\n");
        BytesSent += bytes.Length;
        await stream.WriteAsync(bytes).AsTask().WaitAsync(Await.Timeout);
    }

    public Task SendAsync(long number, string command) => SendAsync(NumberedLine.Format(number, command));

    /// <summary>The next reply line, or null once the printer has closed the connection.</summary>
    public async Task<string?> ReadLineAsync(TimeSpan? timeout = null)
    {
        // Cancelling (rather than abandoning) the read matters: an abandoned read would swallow the next line.
        using var cts = new CancellationTokenSource(timeout ?? Await.Timeout);
        try
        {
            return await replies.Reader.ReadAsync(cts.Token);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException("No reply line in time.");
        }
    }

    /// <summary>The next <paramref name="count"/> reply lines; the connection must stay open for all of them.</summary>
    public async Task<List<string>> ReadLinesAsync(int count)
    {
        var lines = new List<string>();
        while (lines.Count < count)
        {
            lines.Add(await ReadLineAsync() ?? throw new InvalidOperationException("The printer closed the connection after: " + string.Join(" | ", lines)));
        }

        return lines;
    }

    /// <summary>Reply lines up to and including the first that matches.</summary>
    public async Task<List<string>> ReadUntilAsync(Func<string, bool> last)
    {
        var lines = new List<string>();
        while (await ReadLineAsync() is { } line)
        {
            lines.Add(line);
            if (last(line))
            {
                return lines;
            }
        }

        throw new InvalidOperationException("The printer closed the connection after: " + string.Join(" | ", lines));
    }

    /// <summary>Whether a line arrives within a short window; only used where nothing may arrive at all.</summary>
    public async Task<string?> TryReadLineAsync(TimeSpan window)
    {
        try
        {
            return await ReadLineAsync(window);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>"M110 N0" as OctoPrint sends it, which resets the printer's line counter.</summary>
    public async Task HelloAsync()
    {
        await SendAsync(0, "M110 N0");
        Assert.StartsWith("ok", await ReadLineAsync(), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        tcp.Dispose();
        await pump;
    }

    private async Task PumpAsync()
    {
        try
        {
            using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            while (await reader.ReadLineAsync() is { } line)
            {
                await replies.Writer.WriteAsync(line);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
        {
            // A reset connection ends the reply stream like a clean close does; tests see it as null.
        }
        finally
        {
            replies.Writer.TryComplete();
        }
    }
}
