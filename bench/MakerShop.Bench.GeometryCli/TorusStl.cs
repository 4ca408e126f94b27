using System.Buffers.Binary;

namespace MakerShop.Bench.GeometryCli;

/// <summary>A finely tessellated torus written as binary STL: closed, one shell, every vertex shared by six triangles.</summary>
public static class TorusStl
{
    /// <summary>Writes a torus of <c>2 × around × along</c> triangles (R = 40 mm, r = 15 mm) and returns its file size.</summary>
    public static long Write(string path, int around, int along)
    {
        const double major = 40, minor = 15;
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var header = new byte[84];
        "MakerShop bench torus"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(80), checked((uint)(2L * around * along)));
        file.Write(header);
        var facet = new byte[50];
        for (var i = 0; i < around; i++)
        {
            for (var j = 0; j < along; j++)
            {
                var a = Point(i, j);
                var b = Point(i + 1, j);
                var c = Point(i + 1, j + 1);
                var d = Point(i, j + 1);
                WriteFacet(file, facet, a, b, c);
                WriteFacet(file, facet, a, c, d);
            }
        }

        return file.Length;

        (float X, float Y, float Z) Point(int i, int j)
        {
            // Wrap indices so the seam reuses the very same floats and the mesh stays closed.
            var u = 2 * Math.PI * (i % around) / around;
            var v = 2 * Math.PI * (j % along) / along;
            return ((float)((major + minor * Math.Cos(v)) * Math.Cos(u)), (float)((major + minor * Math.Cos(v)) * Math.Sin(u)), (float)(minor * Math.Sin(v)));
        }
    }

    private static void WriteFacet(FileStream file, byte[] facet, (float X, float Y, float Z) a, (float X, float Y, float Z) b, (float X, float Y, float Z) c)
    {
        var ux = b.X - a.X; var uy = b.Y - a.Y; var uz = b.Z - a.Z;
        var vx = c.X - a.X; var vy = c.Y - a.Y; var vz = c.Z - a.Z;
        var nx = uy * vz - uz * vy; var ny = uz * vx - ux * vz; var nz = ux * vy - uy * vx;
        var length = MathF.Sqrt(nx * nx + ny * ny + nz * nz);
        float[] values = [nx / length, ny / length, nz / length, a.X, a.Y, a.Z, b.X, b.Y, b.Z, c.X, c.Y, c.Z];
        for (var k = 0; k < 12; k++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(facet.AsSpan(k * 4), values[k]);
        }

        file.Write(facet);
    }
}
