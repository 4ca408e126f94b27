using PdfSharp.Fonts;

namespace MakerShop.Shipping.Documents;

/// <summary>
/// PDFsharp 6 finds no system fonts on Linux, so the shop names its own: DejaVu Sans from Debian's fonts-dejavu-core
/// (installed by tests/run-all.sh). A missing font file is a clear error, never a silent blank PDF.
/// </summary>
public sealed class DejaVuFontResolver(string fontDirectory) : IFontResolver
{
    public const string Family = "DejaVu Sans";
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    public string FontDirectory => fontDirectory;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName)
    {
        var path = Path.Combine(fontDirectory, faceName + ".ttf");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The PDF font {faceName}.ttf is not in {fontDirectory}. Install Debian's fonts-dejavu-core (apt-get install fonts-dejavu-core) or set MakerShop:Shipping:Documents:FontDirectory.",
                path);
        }

        return File.ReadAllBytes(path);
    }

    /// <summary>PDFsharp takes one resolver per process; the first directory given wins.</summary>
    public static void EnsureRegistered(string fontDirectory)
    {
        lock (typeof(DejaVuFontResolver))
        {
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new DejaVuFontResolver(fontDirectory);
            }
        }
    }
}
