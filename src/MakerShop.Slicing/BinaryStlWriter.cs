using System.Buffers.Binary;
using System.Numerics;
using MakerShop.Geometry.Meshes;

namespace MakerShop.Slicing;

/// <summary>
/// Writes the triangles a reader streams as a clean binary STL with normals recomputed from the winding. The slicer
/// only ever sees this file: no ASCII dialects, no zip, no units or transforms left for it to interpret differently.
/// </summary>
internal sealed class BinaryStlWriter : ITriangleSink, IDisposable
{
    private readonly FileStream _file;
    private readonly byte[] _facet = new byte[50];
    private uint _count;

    public BinaryStlWriter(string path)
    {
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
        var header = new byte[84];
        "MakerShop normalised STL"u8.CopyTo(header);
        _file.Write(header);
    }

    public void Add(Vector3 a, Vector3 b, Vector3 c)
    {
        var normal = Vector3.Cross(b - a, c - a);
        var length = normal.Length();
        normal = length > 0 ? normal / length : Vector3.UnitZ;
        var span = _facet.AsSpan();
        Write(span, normal);
        Write(span[12..], a);
        Write(span[24..], b);
        Write(span[36..], c);

        // admesh (inside PrusaSlicer) calls a file ASCII when none of the 128 bytes after the header exceeds 127; an
        // axis-aligned part near the origin can look like that. A high bit in the first facet's unused attribute word settles it.
        span[48] = 0;
        span[49] = _count == 0 ? (byte)0x80 : (byte)0;
        _file.Write(_facet);
        _count++;
    }

    /// <summary>Writes the triangle count into the header and closes the file.</summary>
    public void Complete()
    {
        _file.Position = 80;
        Span<byte> count = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(count, _count);
        _file.Write(count);
        _file.Flush();
    }

    public void Dispose() => _file.Dispose();

    private static void Write(Span<byte> target, Vector3 v)
    {
        BinaryPrimitives.WriteSingleLittleEndian(target, v.X);
        BinaryPrimitives.WriteSingleLittleEndian(target[4..], v.Y);
        BinaryPrimitives.WriteSingleLittleEndian(target[8..], v.Z);
    }
}
