using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace MakerShop.Shipping.Documents;

/// <summary>
/// Joins the day's documents into one PDF so the owner prints once: PDF pages are copied as they are, a label image
/// gets an A4 page of its own, scaled to fit inside the margins without changing its proportions.
/// </summary>
public static class DocumentBundle
{
    private const double Margin = 28;

    public static byte[] Merge(IEnumerable<PrintableDocument> documents, string title)
    {
        ArgumentNullException.ThrowIfNull(documents);
        using var output = new PdfDocument();
        output.Info.Title = title;
        output.Info.Creator = "MakerShop";
        foreach (var document in documents)
        {
            if (document.ContentType == "application/pdf")
            {
                using var input = PdfReader.Open(new MemoryStream(document.Content), PdfDocumentOpenMode.Import);
                foreach (var page in input.Pages)
                {
                    output.AddPage(page);
                }
            }
            else
            {
                AddImagePage(output, document.Content);
            }
        }

        if (output.PageCount == 0)
        {
            throw new InvalidOperationException("There is nothing to print.");
        }

        using var stream = new MemoryStream();
        output.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void AddImagePage(PdfDocument output, byte[] content)
    {
        var page = output.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using var gfx = XGraphics.FromPdfPage(page);
        using var image = XImage.FromStream(new MemoryStream(content));
        var width = page.Width.Point - 2 * Margin;
        var height = page.Height.Point - 2 * Margin;
        var scale = Math.Min(width / image.PointWidth, height / image.PointHeight);
        gfx.DrawImage(image, Margin, Margin, image.PointWidth * scale, image.PointHeight * scale);
    }
}
