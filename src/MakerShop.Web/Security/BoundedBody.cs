using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace MakerShop.Web.Security;

/// <summary>
/// Reads a request body that has a small, known ceiling (webhooks) without ever holding more than the ceiling: a
/// declared Content-Length above it is refused before reading, the server's own body limit is lowered to it (so a
/// chunked body, and the drain after an early answer, stop there too), and the copy stops at the first byte past it.
/// Each chunk is shown to <c>observe</c> as it arrives, so a signature is computed in the same pass.
/// </summary>
public static class BoundedBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>Lowers the server's body limit for this request; true when the declared length is already above it.</summary>
    public static bool Limit(HttpContext context, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }

        return context.Request.ContentLength > maxBytes;
    }

    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/> (nothing past the limit is kept).</summary>
    public static async Task<byte[]?> ReadAsync(HttpContext context, int maxBytes, Action<ReadOnlySpan<byte>> observe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(observe);
        if (Limit(context, maxBytes))
        {
            return null;
        }

        var declared = context.Request.ContentLength ?? ChunkBytes;
        using var copy = new MemoryStream((int)Math.Min(declared, maxBytes));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken)) > 0)
            {
                if (copy.Length + read > maxBytes)
                {
                    return null;
                }

                observe(chunk.AsSpan(0, read));
                copy.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return copy.ToArray();
    }
}
