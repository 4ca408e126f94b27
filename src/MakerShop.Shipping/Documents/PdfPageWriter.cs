using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MakerShop.Shipping.Documents;

/// <summary>
/// Writes text down A4 pages inside the margins: every paragraph and table cell wraps at its width (a word longer than
/// the width is broken), and a row that does not fit the page starts a new one, so nothing is cut or runs off the page.
/// </summary>
internal sealed class PdfPageWriter : IDisposable
{
    private const double Margin = 40;
    private const double LineHeight = 11.5;
    private readonly PdfDocument _document;
    private readonly XFont _normal = new(DejaVuFontResolver.Family, 9, XFontStyleEx.Regular);
    private readonly XFont _bold = new(DejaVuFontResolver.Family, 9, XFontStyleEx.Bold);
    private readonly XFont _title = new(DejaVuFontResolver.Family, 16, XFontStyleEx.Bold);
    private PdfPage _page = null!;
    private XGraphics _gfx = null!;
    private double _y;

    public PdfPageWriter(PdfDocument document)
    {
        _document = document;
        NewPage();
    }

    /// <summary>The width between the margins, in points.</summary>
    public double ContentWidth => _page.Width.Point - 2 * Margin;

    public void Title(string text)
    {
        foreach (var line in Wrap(text, _title, ContentWidth))
        {
            _gfx.DrawString(line, _title, XBrushes.Black, new XPoint(Margin, _y + 16));
            _y += 22;
        }

        _y += 6;
    }

    /// <summary>A paragraph across the page, wrapped at the margins.</summary>
    public void Line(string text, bool bold = false) => Row([(text, 0, ContentWidth)], bold);

    /// <summary>One table row: each cell wraps inside its own width; the row is as tall as its tallest cell.</summary>
    public void Row(IReadOnlyList<(string Text, double X, double Width)> cells, bool bold = false)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var font = bold ? _bold : _normal;
        var wrapped = cells.Select(c => (Lines: Wrap(c.Text, font, c.Width), c.X)).ToList();
        var height = wrapped.Max(c => c.Lines.Count) * LineHeight;
        if (_y + height > _page.Height.Point - Margin)
        {
            NewPage();
        }

        foreach (var (lines, x) in wrapped)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                _gfx.DrawString(lines[i], font, XBrushes.Black, new XPoint(Margin + x, _y + 9 + i * LineHeight));
            }
        }

        _y += height + 1.5;
    }

    public void Gap(double points = 8) => _y += points;

    public void Rule()
    {
        _gfx.DrawLine(XPens.Black, Margin, _y + 2, _page.Width.Point - Margin, _y + 2);
        _y += 8;
    }

    public void Dispose() => _gfx.Dispose();

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in (text ?? string.Empty).Split('\n'))
        {
            var current = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (Width(candidate, font) <= width)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                current = word;
                while (Width(current, font) > width && current.Length > 1)
                {
                    var fit = current.Length - 1;
                    while (fit > 1 && Width(current[..fit], font) > width)
                    {
                        fit--;
                    }

                    lines.Add(current[..fit]);
                    current = current[fit..];
                }
            }

            lines.Add(current);
        }

        return lines;
    }

    private double Width(string text, XFont font) => _gfx.MeasureString(text, font).Width;

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }
}
