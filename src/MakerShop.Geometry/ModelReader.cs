using MakerShop.Geometry.Meshes;
using MakerShop.Geometry.Stl;
using MakerShop.Geometry.ThreeMf;

namespace MakerShop.Geometry;

/// <summary>
/// Reads an STL (binary or ASCII) or 3MF file and measures it in one pass. The format is decided by the content, not
/// the name: a zip is a 3MF; a file whose size matches its binary triangle count is binary STL even when its header
/// starts with "solid" (many exporters write that); otherwise text starting with "solid" is ASCII.
/// </summary>
public static class ModelReader
{
    public static ModelReport Read(string path, ModelReadLimits? limits = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Read(stream, limits);
    }

    /// <summary>Reads a seekable stream from its start.</summary>
    public static ModelReport Read(Stream stream, ModelReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= ModelReadLimits.Default;
        var format = Detect(stream);
        stream.Position = 0;
        switch (format)
        {
            case ModelFormat.ThreeMf:
            {
                var analyzer = new MeshAnalyzer(0, limits.MaxTriangles);
                var objects = ThreeMfReader.Read(stream, analyzer, limits);
                return new ModelReport(format, analyzer.Finish(), objects);
            }

            case ModelFormat.BinaryStl:
            {
                var count = BinaryStlReader.ReadCount(stream, stream.Length);
                if (count > limits.MaxTriangles)
                {
                    throw new ModelFormatException(ModelProblem.TooLarge, $"The model has {count:N0} triangles, more than the {limits.MaxTriangles:N0} the shop accepts.");
                }

                var analyzer = new MeshAnalyzer(count, limits.MaxTriangles);
                BinaryStlReader.ReadTriangles(stream, count, analyzer);
                return new ModelReport(format, analyzer.Finish(), 1);
            }

            default:
            {
                var analyzer = new MeshAnalyzer(0, limits.MaxTriangles);
                AsciiStlReader.Read(stream, analyzer);
                return new ModelReport(format, analyzer.Finish(), 1);
            }
        }
    }

    /// <summary>Streams the triangles of a model into a sink (used to hand the slicer a clean binary STL).</summary>
    public static ModelFormat StreamTriangles(Stream stream, ITriangleSink sink, ModelReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= ModelReadLimits.Default;
        var format = Detect(stream);
        stream.Position = 0;
        switch (format)
        {
            case ModelFormat.ThreeMf:
                ThreeMfReader.Read(stream, sink, limits);
                break;
            case ModelFormat.BinaryStl:
                BinaryStlReader.ReadTriangles(stream, BinaryStlReader.ReadCount(stream, stream.Length), sink);
                break;
            default:
                AsciiStlReader.Read(stream, sink);
                break;
        }

        return format;
    }

    public static ModelFormat Detect(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            throw new ArgumentException("Model files are read from seekable streams (a stored upload).", nameof(stream));
        }

        stream.Position = 0;
        var length = stream.Length;
        if (length == 0)
        {
            throw new ModelFormatException(ModelProblem.Empty, "The file is empty.");
        }

        Span<byte> head = stackalloc byte[(int)Math.Min(length, 512)];
        stream.ReadExactly(head);
        if (Gcode.BinaryGcode.StartsWithMagic(head))
        {
            throw new ModelFormatException(ModelProblem.BinaryGcode, Gcode.BinaryGcode.NotAModel);
        }

        if (head.Length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
        {
            return ModelFormat.ThreeMf;
        }

        if (length >= BinaryStlReader.HeaderBytes)
        {
            long count = BitConverter.ToUInt32(head[80..84]);
            if (BinaryStlReader.HeaderBytes + count * BinaryStlReader.TriangleBytes == length)
            {
                return ModelFormat.BinaryStl;
            }
        }

        var text = head.TrimStart(" \t\r\n"u8);
        if (text.Length >= 5 && AsciiStlLooksLikeText(head) && AsciiTokenizerIsSolid(text))
        {
            return ModelFormat.AsciiStl;
        }

        if (length >= BinaryStlReader.HeaderBytes)
        {
            // Not text: treat it as binary so that ReadCount names the size mismatch.
            return ModelFormat.BinaryStl;
        }

        throw new ModelFormatException(ModelProblem.UnknownFormat, $"The file ({length} bytes) is neither an STL nor a 3MF.");
    }

    private static bool AsciiTokenizerIsSolid(ReadOnlySpan<byte> text) =>
        (text[0] | 0x20) == 's' && (text[1] | 0x20) == 'o' && (text[2] | 0x20) == 'l' && (text[3] | 0x20) == 'i' && (text[4] | 0x20) == 'd';

    private static bool AsciiStlLooksLikeText(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            if (b == 0)
            {
                return false;
            }
        }

        return true;
    }
}
