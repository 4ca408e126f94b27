using System.Net;

namespace MakerShop.EndToEnd.Tests.Security;

/// <summary>
/// A request body of <paramref name="totalBytes"/> sent in chunks without a Content-Length (chunked transfer), counting
/// what the server actually took: the sender stops as soon as the server stops reading and closes the connection.
/// </summary>
public sealed class CountingContent(long totalBytes, byte fill = (byte)'a') : HttpContent
{
    private long _sent;

    public long Sent => Interlocked.Read(ref _sent);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var chunk = new byte[16 * 1024];
        Array.Fill(chunk, fill);
        while (Sent < totalBytes)
        {
            var size = (int)Math.Min(chunk.Length, totalBytes - Sent);
            await stream.WriteAsync(chunk.AsMemory(0, size));
            await stream.FlushAsync();
            Interlocked.Add(ref _sent, size);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
