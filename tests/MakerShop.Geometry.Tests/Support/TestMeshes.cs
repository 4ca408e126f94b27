using System.IO.Compression;
using System.Numerics;
using System.Text;

namespace MakerShop.Geometry.Tests.Support;

/// <summary>Small meshes and files built in the test, so each case shows exactly what it contains.</summary>
public static class TestMeshes
{
    private static readonly Vector3[] CubeCorners =
    [
        new(0, 0, 0), new(1, 0, 0), new(1, 1, 0), new(0, 1, 0),
        new(0, 0, 1), new(1, 0, 1), new(1, 1, 1), new(0, 1, 1),
    ];

    // Counter-clockwise seen from outside, so the normals point out and the volume is positive.
    private static readonly int[] CubeFaces =
    [
        0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4,
        1, 2, 6, 1, 6, 5, 2, 3, 7, 2, 7, 6, 3, 0, 4, 3, 4, 7,
    ];

    public static List<(Vector3 A, Vector3 B, Vector3 C)> Cube(float size, Vector3 offset = default)
    {
        var triangles = new List<(Vector3, Vector3, Vector3)>();
        for (var i = 0; i < CubeFaces.Length; i += 3)
        {
            triangles.Add((CubeCorners[CubeFaces[i]] * size + offset, CubeCorners[CubeFaces[i + 1]] * size + offset, CubeCorners[CubeFaces[i + 2]] * size + offset));
        }

        return triangles;
    }

    public static byte[] BinaryStl(IEnumerable<(Vector3 A, Vector3 B, Vector3 C)> triangles)
    {
        var list = triangles.ToList();
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, Encoding.ASCII, leaveOpen: true))
        {
            writer.Write(Encoding.ASCII.GetBytes("test mesh".PadRight(80)));
            writer.Write((uint)list.Count);
            foreach (var (a, b, c) in list)
            {
                var n = Vector3.Normalize(Vector3.Cross(b - a, c - a));
                foreach (var v in new[] { n, a, b, c })
                {
                    writer.Write(v.X);
                    writer.Write(v.Y);
                    writer.Write(v.Z);
                }

                writer.Write((ushort)0);
            }
        }

        return memory.ToArray();
    }

    public static byte[] ThreeMf(string modelXml, string modelPath = "3D/3dmodel.model", bool withRelationship = true)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="model" ContentType="application/vnd.ms-package.3dmanufacturing-3dmodel+xml"/></Types>""");
            if (withRelationship)
            {
                Write(zip, "_rels/.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Target="/{modelPath}" Id="rel0" Type="http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"/></Relationships>""");
            }

            Write(zip, modelPath, modelXml);
        }

        return memory.ToArray();
    }

    /// <summary>A 3MF model XML with one cube object (side 10 in the model's unit) and the given build items.</summary>
    public static string CubeModelXml(string unit, params string[] itemTransforms)
    {
        var xml = new StringBuilder();
        xml.Append(CultureInfoInvariant($"""<?xml version="1.0" encoding="UTF-8"?><model unit="{unit}" xmlns="http://schemas.microsoft.com/3dmanufacturing/core/2015/02"><resources><object id="1" type="model"><mesh><vertices>"""));
        foreach (var c in CubeCorners)
        {
            xml.Append(CultureInfoInvariant($"""<vertex x="{c.X * 10}" y="{c.Y * 10}" z="{c.Z * 10}"/>"""));
        }

        xml.Append("</vertices><triangles>");
        for (var i = 0; i < CubeFaces.Length; i += 3)
        {
            xml.Append(CultureInfoInvariant($"""<triangle v1="{CubeFaces[i]}" v2="{CubeFaces[i + 1]}" v3="{CubeFaces[i + 2]}"/>"""));
        }

        xml.Append("""</triangles></mesh></object><object id="2" type="model"><components><component objectid="1" transform="1 0 0 0 1 0 0 0 1 100 0 0"/></components></object></resources><build>""");
        foreach (var transform in itemTransforms)
        {
            xml.Append(transform.StartsWith("component", StringComparison.Ordinal)
                ? "<item objectid=\"2\"/>"
                : $"<item objectid=\"1\" transform=\"{transform}\"/>");
        }

        xml.Append("</build></model>");
        return xml.ToString();
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
