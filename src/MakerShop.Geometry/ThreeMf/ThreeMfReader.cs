using System.Globalization;
using System.IO.Compression;
using System.Numerics;
using System.Xml;
using MakerShop.Geometry.Meshes;

namespace MakerShop.Geometry.ThreeMf;

/// <summary>
/// 3MF (core specification): a zip package whose root relationship points at the model part; the model's
/// resources hold objects (a mesh, or components placing other objects) and its build places objects with
/// transforms. Every build item is streamed into the sink in millimetres, transformed.
/// </summary>
public static class ThreeMfReader
{
    private const string ModelRelationshipSuffix = "/3dmodel";
    private const int MaxComponentDepth = 16;

    /// <returns>The number of build items.</returns>
    public static int Read(Stream stream, ITriangleSink sink, ModelReadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(limits);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new ModelFormatException(ModelProblem.Unreadable, $"The 3MF is not a readable zip package: {ex.Message}", ex);
        }

        using (zip)
        {
            try
            {
                if (zip.Entries.Count > limits.MaxZipEntries)
                {
                    throw new ModelFormatException(ModelProblem.ZipBomb, $"The 3MF package has {zip.Entries.Count:N0} entries, more than {limits.MaxZipEntries:N0}.");
                }

                var modelEntry = FindModelPart(zip, limits)
                    ?? throw new ModelFormatException(ModelProblem.MissingModelPart, "The 3MF package has no 3D model part (no 3dmodel relationship and no 3D/3dmodel.model).");
                using var modelStream = OpenLimited(modelEntry, limits);
                var model = ParseModel(modelStream);
                return Emit(model, sink, limits);
            }
            catch (InvalidDataException ex)
            {
                throw new ModelFormatException(ModelProblem.Unreadable, $"The 3MF package is damaged: {ex.Message}", ex);
            }
            catch (XmlException ex)
            {
                throw new ModelFormatException(ModelProblem.Syntax, $"The 3MF model XML is not well formed: {ex.Message}", ex);
            }
        }
    }

    private static ZipArchiveEntry? FindModelPart(ZipArchive zip, ModelReadLimits limits)
    {
        var rels = zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, "_rels/.rels", StringComparison.OrdinalIgnoreCase));
        if (rels is not null)
        {
            using var relsStream = OpenLimited(rels, limits);
            using var xml = XmlReader.Create(relsStream, XmlSettings());
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship"
                    && xml.GetAttribute("Type") is { } type && type.EndsWith(ModelRelationshipSuffix, StringComparison.OrdinalIgnoreCase)
                    && xml.GetAttribute("Target") is { } target)
                {
                    var name = target.TrimStart('/');
                    var entry = zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase));
                    if (entry is not null)
                    {
                        return entry;
                    }
                }
            }
        }

        return zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, "3D/3dmodel.model", StringComparison.OrdinalIgnoreCase));
    }

    private static LimitedReadStream OpenLimited(ZipArchiveEntry entry, ModelReadLimits limits)
    {
        var ratio = entry.CompressedLength == 0 ? 0 : (double)entry.Length / entry.CompressedLength;
        if (entry.Length > limits.MaxUncompressedBytes || ratio > limits.MaxCompressionRatio)
        {
            throw new ModelFormatException(ModelProblem.ZipBomb,
                $"The 3MF entry '{entry.FullName}' would inflate from {entry.CompressedLength:N0} to {entry.Length:N0} bytes; refused as a zip bomb.");
        }

        // The directory's sizes can lie, so the inflated bytes are counted too.
        var cap = (long)Math.Min(limits.MaxUncompressedBytes, Math.Max(entry.Length, entry.CompressedLength * limits.MaxCompressionRatio));
        return new LimitedReadStream(entry.Open(), cap,
            read => $"The 3MF entry '{entry.FullName}' inflates to more than {cap:N0} bytes (declared {entry.Length:N0}); refused as a zip bomb.");
    }

    private static XmlReaderSettings XmlSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
    };

    private static ParsedModel ParseModel(Stream stream)
    {
        using var xml = XmlReader.Create(stream, XmlSettings());
        var model = new ParsedModel();
        MeshObject? current = null;
        var sawModel = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "object")
            {
                current = null;
                continue;
            }

            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (xml.LocalName)
            {
                case "model":
                    sawModel = true;
                    model.UnitScale = UnitScale(xml.GetAttribute("unit"));
                    break;
                case "object":
                    current = new MeshObject(IntAttribute(xml, "id", "object"));
                    if (!model.Objects.TryAdd(current.Id, current))
                    {
                        throw new ModelFormatException(ModelProblem.BadReference, $"Two objects have the id {current.Id}.");
                    }

                    if (xml.IsEmptyElement)
                    {
                        current = null;
                    }

                    break;
                case "vertex" when current is not null:
                    current.Vertices.Add(FloatAttribute(xml, "x"));
                    current.Vertices.Add(FloatAttribute(xml, "y"));
                    current.Vertices.Add(FloatAttribute(xml, "z"));
                    break;
                case "triangle" when current is not null:
                    current.Triangles.Add(IntAttribute(xml, "v1", "triangle"));
                    current.Triangles.Add(IntAttribute(xml, "v2", "triangle"));
                    current.Triangles.Add(IntAttribute(xml, "v3", "triangle"));
                    break;
                case "component" when current is not null:
                    current.Components.Add((IntAttribute(xml, "objectid", "component"), Transform3.Parse(xml.GetAttribute("transform"), $"A component of object {current.Id}")));
                    break;
                case "build":
                    model.HasBuild = true;
                    break;
                case "item" when model.HasBuild:
                    model.Items.Add((IntAttribute(xml, "objectid", "build item"), Transform3.Parse(xml.GetAttribute("transform"), "A build item")));
                    break;
            }
        }

        if (!sawModel)
        {
            throw new ModelFormatException(ModelProblem.MissingModelPart, "The 3MF model part has no <model> element.");
        }

        return model;
    }

    private static int Emit(ParsedModel model, ITriangleSink sink, ModelReadLimits limits)
    {
        if (!model.HasBuild)
        {
            throw new ModelFormatException(ModelProblem.MissingBuild, "The 3MF model has no <build> element, so nothing in it is meant to be printed.");
        }

        if (model.Items.Count == 0)
        {
            throw new ModelFormatException(ModelProblem.Empty, "The 3MF model's build has no items: nothing to print.");
        }

        var scale = Transform3.Identity with { Matrix = Matrix4x4.CreateScale(model.UnitScale) };
        long emitted = 0;
        foreach (var (objectId, transform) in model.Items)
        {
            EmitObject(model, objectId, transform.Then(scale), sink, 0, ref emitted, limits);
        }

        if (emitted == 0)
        {
            throw new ModelFormatException(ModelProblem.Empty, "The 3MF model's build items contain no triangles.");
        }

        return model.Items.Count;
    }

    private static void EmitObject(ParsedModel model, int objectId, Transform3 transform, ITriangleSink sink, int depth, ref long emitted, ModelReadLimits limits)
    {
        if (depth > MaxComponentDepth)
        {
            throw new ModelFormatException(ModelProblem.BadReference, $"Components nest deeper than {MaxComponentDepth} levels (or refer to themselves) at object {objectId}.");
        }

        if (!model.Objects.TryGetValue(objectId, out var obj))
        {
            throw new ModelFormatException(ModelProblem.BadReference, $"The build refers to object {objectId}, which the model does not define.");
        }

        var v = obj.Vertices;
        var vertexCount = v.Count / 3;
        var t = obj.Triangles;
        for (var i = 0; i < t.Count; i += 3)
        {
            var a = t[i];
            var b = t[i + 1];
            var c = t[i + 2];
            if ((uint)a >= (uint)vertexCount || (uint)b >= (uint)vertexCount || (uint)c >= (uint)vertexCount)
            {
                throw new ModelFormatException(ModelProblem.BadReference,
                    $"Object {objectId}, triangle {i / 3 + 1}: a vertex index is outside its {vertexCount} vertices.");
            }

            if (++emitted > limits.MaxTriangles)
            {
                throw new ModelFormatException(ModelProblem.TooLarge, $"The model has more than {limits.MaxTriangles:N0} triangles, more than the shop accepts.");
            }

            var pa = transform.Apply(new Vector3(v[a * 3], v[a * 3 + 1], v[a * 3 + 2]));
            var pb = transform.Apply(new Vector3(v[b * 3], v[b * 3 + 1], v[b * 3 + 2]));
            var pc = transform.Apply(new Vector3(v[c * 3], v[c * 3 + 1], v[c * 3 + 2]));

            // Each transform is sane on its own, but nested components multiply: their product can still overflow.
            if (!float.IsFinite(pa.X + pa.Y + pa.Z + pb.X + pb.Y + pb.Z + pc.X + pc.Y + pc.Z))
            {
                throw new ModelFormatException(ModelProblem.OutOfRange,
                    $"Object {objectId}, placed through its components, lands beyond any coordinate a printer can use.");
            }

            sink.Add(pa, pb, pc);
        }

        foreach (var (childId, childTransform) in obj.Components)
        {
            EmitObject(model, childId, childTransform.Then(transform), sink, depth + 1, ref emitted, limits);
        }
    }

    private static float UnitScale(string? unit) => (unit ?? "millimeter").ToLowerInvariant() switch
    {
        "micron" => 0.001f,
        "millimeter" => 1f,
        "centimeter" => 10f,
        "inch" => 25.4f,
        "foot" => 304.8f,
        "meter" => 1000f,
        _ => throw new ModelFormatException(ModelProblem.Syntax, $"The 3MF model's unit '{unit}' is not one the specification defines."),
    };

    private static float FloatAttribute(XmlReader xml, string name)
    {
        var text = xml.GetAttribute(name);
        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new ModelFormatException(ModelProblem.Syntax, $"A vertex's {name} is '{text}', not a number.");
        }

        if (!float.IsFinite(value))
        {
            throw new ModelFormatException(ModelProblem.InvalidNumber, $"A vertex's {name} is '{text}', not a finite number.");
        }

        return value;
    }

    private static int IntAttribute(XmlReader xml, string name, string element)
    {
        var text = xml.GetAttribute(name);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ModelFormatException(ModelProblem.Syntax, $"A {element}'s {name} is '{text}', not a non-negative whole number.");
    }

    private sealed class ParsedModel
    {
        public float UnitScale { get; set; } = 1f;

        public bool HasBuild { get; set; }

        public Dictionary<int, MeshObject> Objects { get; } = [];

        public List<(int ObjectId, Transform3 Transform)> Items { get; } = [];
    }
}
