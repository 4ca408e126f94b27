namespace MakerShop.Geometry;

/// <summary>Bounds that keep a hostile upload from exhausting memory or time.</summary>
public sealed record ModelReadLimits
{
    public static ModelReadLimits Default { get; } = new();

    /// <summary>Triangles in the whole model (all objects and build items together).</summary>
    public long MaxTriangles { get; init; } = 20_000_000;

    /// <summary>Bytes a 3MF package may inflate to, all entries read together.</summary>
    public long MaxUncompressedBytes { get; init; } = 1L << 30;

    /// <summary>Inflated size over compressed size of one entry; model XML compresses 5-30×, a bomb thousands.</summary>
    public double MaxCompressionRatio { get; init; } = 250;

    /// <summary>Zip entries in a 3MF package.</summary>
    public int MaxZipEntries { get; init; } = 10_000;

    /// <summary>A part whose every side is shorter than this is too small to print (a slicer makes no layer of it).</summary>
    public double MinPartSizeMm { get; init; } = 0.1;

    /// <summary>A part longer than this along any axis is no model a 3D-printing shop could make (10 m).</summary>
    public double MaxPartSizeMm { get; init; } = 10_000;
}
