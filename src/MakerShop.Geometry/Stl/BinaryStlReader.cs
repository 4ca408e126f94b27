using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using MakerShop.Geometry.Meshes;

namespace MakerShop.Geometry.Stl;

/// <summary>
/// Binary STL: an 80-byte header, a little-endian triangle count, then 50 bytes per triangle (normal, three vertices,
/// attribute word). The count must agree with the file's length, so a truncated or padded upload is refused up front.
/// </summary>
public static class BinaryStlReader
{
    public const int HeaderBytes = 84;
    public const int TriangleBytes = 50;

    /// <summary>Reads the header and returns the triangle count after checking it against <paramref name="length"/>.</summary>
    public static long ReadCount(Stream stream, long length)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (length < HeaderBytes)
        {
            throw new ModelFormatException(ModelProblem.Truncated,
                $"The binary STL is truncated: it has {length} bytes, fewer than the {HeaderBytes}-byte header every binary STL starts with.");
        }

        Span<byte> header = stackalloc byte[HeaderBytes];
        stream.ReadExactly(header);
        long count = BinaryPrimitives.ReadUInt32LittleEndian(header[80..]);
        var expected = HeaderBytes + count * TriangleBytes;
        if (count == 0)
        {
            throw new ModelFormatException(ModelProblem.Empty, "The STL file contains no triangles.");
        }

        if (length < expected)
        {
            var whole = (length - HeaderBytes) / TriangleBytes;
            throw new ModelFormatException(ModelProblem.Truncated,
                $"The binary STL is truncated: its header announces {count:N0} triangles ({expected:N0} bytes) but the file ends after {length:N0} bytes ({whole:N0} whole triangles).");
        }

        if (length > expected)
        {
            throw new ModelFormatException(ModelProblem.TriangleCountMismatch,
                $"The binary STL's triangle count does not match its size: the header announces {count:N0} triangles ({expected:N0} bytes) but the file has {length:N0} bytes.");
        }

        return count;
    }

    /// <summary>Streams the triangles after the header into <paramref name="sink"/>; the stream must be positioned after the header.</summary>
    public static void ReadTriangles(Stream stream, long count, ITriangleSink sink)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sink);
        if (BitConverter.IsLittleEndian && sink is MeshAnalyzer analyzer)
        {
            // Measuring, the common case: whole chunks of facets, no call per triangle.
            BinaryFacetPipeline.Read(stream, count, analyzer);
            return;
        }

        const int perChunk = 4096;
        var buffer = ArrayPool<byte>.Shared.Rent(perChunk * TriangleBytes);
        try
        {
            long done = 0;
            while (done < count)
            {
                var batch = (int)Math.Min(perChunk, count - done);
                var bytes = batch * TriangleBytes;
                var read = stream.ReadAtLeast(buffer.AsSpan(0, bytes), bytes, throwOnEndOfStream: false);
                if (read < bytes)
                {
                    throw new ModelFormatException(ModelProblem.Truncated,
                        $"The binary STL is truncated: it ends inside triangle {done + read / TriangleBytes + 1:N0} of {count:N0}.");
                }

                var span = buffer.AsSpan(0, bytes);
                for (var t = 0; t < batch; t++)
                {
                    var facet = span.Slice(t * TriangleBytes + 12, 36);
                    var a = ReadVertex(facet, done + t);
                    var b = ReadVertex(facet[12..], done + t);
                    var c = ReadVertex(facet[24..], done + t);
                    sink.AddFacet(StoredNormal(span[(t * TriangleBytes)..]), a, b, c);
                }

                done += batch;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Read as stored, garbage included: the analyser decides what counts as a normal, the same on every path, and
    // only the vertices make a file unreadable.
    private static Vector3 StoredNormal(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadSingleLittleEndian(bytes), BinaryPrimitives.ReadSingleLittleEndian(bytes[4..]), BinaryPrimitives.ReadSingleLittleEndian(bytes[8..]));

    private static Vector3 ReadVertex(ReadOnlySpan<byte> bytes, long triangle)
    {
        var x = BinaryPrimitives.ReadSingleLittleEndian(bytes);
        var y = BinaryPrimitives.ReadSingleLittleEndian(bytes[4..]);
        var z = BinaryPrimitives.ReadSingleLittleEndian(bytes[8..]);
        if (!float.IsFinite(x) || !float.IsFinite(y) || !float.IsFinite(z))
        {
            throw new ModelFormatException(ModelProblem.InvalidNumber,
                $"Triangle {triangle + 1:N0} has a coordinate that is not a finite number (NaN or infinite).");
        }

        return new Vector3(x, y, z);
    }
}
