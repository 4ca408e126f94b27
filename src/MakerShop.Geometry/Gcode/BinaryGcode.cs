namespace MakerShop.Geometry.Gcode;

/// <summary>
/// Prusa's binary G-code (<c>.bgcode</c>, libbgcode): a file that starts with the magic <c>GCDE</c> and a version
/// number, then compressed blocks with no text at all. Recent PrusaSlicer profiles for the MK4, XL, MINI and CORE One
/// write it by default. The shop reads only plain G-code for now, so such a file is named for what it is rather than
/// failing as a mesh or as G-code with no moves.
/// </summary>
public static class BinaryGcode
{
    /// <summary>Said where G-code is expected (a product's print file).</summary>
    public const string PlainGcodeOnly =
        "This is Prusa binary G-code (.bgcode); the shop reads plain G-code only for now — export with binary G-code switched off (PrusaSlicer: Printer Settings → General → Supports binary G-code).";

    /// <summary>Said where a 3D model is expected (a quote).</summary>
    public const string NotAModel =
        "This is Prusa binary G-code (.bgcode), a print already sliced for one printer, not a 3D model; upload the STL or 3MF it was sliced from.";

    public static ReadOnlySpan<byte> Magic => "GCDE"u8;

    /// <summary>Whether the first bytes of a file are the binary G-code magic.</summary>
    public static bool StartsWithMagic(ReadOnlySpan<byte> head) => head.StartsWith(Magic);

    /// <summary>The first line as a text reader decodes it: the magic, then the version's bytes (1, 0, 0, 0), never text.</summary>
    internal static bool IsMagicLine(string firstLine) =>
        firstLine.StartsWith("GCDE", StringComparison.Ordinal) && firstLine.Length >= 5 && firstLine[4] < ' ';
}
