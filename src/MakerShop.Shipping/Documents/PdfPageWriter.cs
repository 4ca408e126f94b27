using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MakerShop.Shipping.Documents;

/// <summary>Writes lines of text down A4 pages, starting a new page when one is full.</summary>
internal sealed class PdfPageWriter : IDisposable
{
    private const double Margin = 40;
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

    public void Title(string text)
    {
        _gfx.DrawString(text, _title, XBrushes.Black, new XPoint(Margin, _y + 16));
        _y += 28;
    }

    public void Line(string text, bool bold = false)
    {
        if (_y > _page.Height.Point - Margin - 14)
        {
            NewPage();
        }

        _gfx.DrawString(text, bold ? _bold : _normal, XBrushes.Black, new XPoint(Margin, _y + 10));
        _y += 13;
    }

    public void Row(IReadOnlyList<(string Text, double X)> cells, bool bold = false)
    {
        if (_y > _page.Height.Point - Margin - 14)
        {
            NewPage();
        }

        foreach (var (text, x) in cells)
        {
            _gfx.DrawString(text, bold ? _bold : _normal, XBrushes.Black, new XPoint(Margin + x, _y + 10));
        }

        _y += 13;
    }

    public void Gap(double points = 8) => _y += points;

    public void Rule()
    {
        _gfx.DrawLine(XPens.Black, Margin, _y + 2, _page.Width.Point - Margin, _y + 2);
        _y += 8;
    }

    public void Dispose() => _gfx.Dispose();

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }
}
