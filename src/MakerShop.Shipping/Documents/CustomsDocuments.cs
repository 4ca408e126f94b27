using System.Globalization;
using MakerShop.Core;
using PdfSharp.Pdf;

namespace MakerShop.Shipping.Documents;

/// <summary>
/// The CN 22 or CN 23 customs declaration (the form the declaration says) and the commercial invoice as PDF for the
/// owner to print. The IOSS number is deliberately left off both: it travels to the carrier electronically only
/// (fulfilment.md §2.6). Every text wraps inside its column, so a long description is printed whole.
/// </summary>
public sealed class CustomsDocuments(string fontDirectory)
{
    // Left edge and width of each column of the contents table, in points inside the margins (515 pt on A4).
    private static readonly (double X, double Width)[] Columns = [(0, 178), (182, 26), (212, 58), (274, 70), (348, 72), (424, 91)];

    public byte[] RenderCustomsDeclaration(CustomsDeclaration declaration, ShipperDetails details)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(details);
        var form = declaration.Form == CustomsForm.CN22 ? "CN 22" : "CN 23";
        return Render($"{form} customs declaration {declaration.InvoiceNumber}", writer =>
        {
            writer.Title($"CUSTOMS DECLARATION {form}");
            Parties(writer, details);
            writer.Line($"Category of item: Commercial items ({declaration.ContentsType})", bold: true);
            writer.Line($"Incoterm: {declaration.Incoterm} · Invoice: {declaration.InvoiceNumber} · Order: {details.OrderId}");
            if (declaration.EoriNumber is { } eori)
            {
                writer.Line($"Sender's EORI: {eori}");
            }

            Lines(writer, declaration);
            writer.Gap();
            Totals(writer, declaration, details);
            writer.Line("In case of non-delivery: return to sender.");
            writer.Gap(16);
            writer.Line("I certify that the particulars given in this customs declaration are correct and that this item does not contain any dangerous article prohibited by legislation or by postal or customs regulations.");
            writer.Line($"Date and sender's signature: {declaration.DeclaredOn:yyyy-MM-dd} · {details.Signer}");
        });
    }

    public byte[] RenderCommercialInvoice(CustomsDeclaration declaration, ShipperDetails details)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(details);
        return Render($"Commercial invoice {declaration.InvoiceNumber}", writer =>
        {
            writer.Title("COMMERCIAL INVOICE");
            writer.Line($"Invoice number: {declaration.InvoiceNumber} · Date: {declaration.DeclaredOn:yyyy-MM-dd} · Order: {details.OrderId}");
            Parties(writer, details);
            writer.Line($"Country of origin: {Country(declaration.OriginCountry)} · Destination: {Country(declaration.DestinationCountry)} · Terms of delivery: {declaration.Incoterm}");
            if (declaration.EoriNumber is { } eori)
            {
                writer.Line($"Exporter EORI: {eori}");
            }

            writer.Line("Reason for export: sale of goods");
            Lines(writer, declaration);
            writer.Gap();
            Totals(writer, declaration, details);
            foreach (var note in declaration.Notes.Where(n => !n.StartsWith("IOSS", StringComparison.Ordinal)))
            {
                writer.Line(note);
            }

            writer.Gap(16);
            writer.Line($"I declare that the above information is true and correct. {details.Signer}");
        });
    }

    private byte[] Render(string title, Action<PdfPageWriter> write)
    {
        DejaVuFontResolver.EnsureRegistered(fontDirectory);
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "MakerShop";
        using (var writer = new PdfPageWriter(document))
        {
            write(writer);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void Parties(PdfPageWriter writer, ShipperDetails details)
    {
        writer.Rule();
        const double half = 257;
        var width = writer.ContentWidth - half;
        writer.Row([("From (sender)", 0, half - 8), ("To (recipient)", half, width)], bold: true);
        var from = AddressLines(details.Sender);
        var to = AddressLines(details.Recipient);
        for (var i = 0; i < Math.Max(from.Count, to.Count); i++)
        {
            writer.Row([(i < from.Count ? from[i] : string.Empty, 0, half - 8), (i < to.Count ? to[i] : string.Empty, half, width)]);
        }

        writer.Rule();
    }

    private static void Lines(PdfPageWriter writer, CustomsDeclaration declaration)
    {
        writer.Gap();
        writer.Row(Cells("Detailed description of contents", "Qty", "Net weight", "Unit value", "Value", "HS code / origin"), bold: true);
        foreach (var line in declaration.Lines)
        {
            writer.Row(Cells(
                line.Description,
                line.Quantity.ToString(CultureInfo.InvariantCulture),
                Kilograms(line.LineNetWeightGrams),
                line.UnitValue.ToString(),
                line.LineValue.ToString(),
                $"{HsCode.Display(line.HsCode)} / {line.OriginCountry}"));
        }
    }

    private static void Totals(PdfPageWriter writer, CustomsDeclaration declaration, ShipperDetails details)
    {
        var gross = Math.Max(details.GrossWeightGrams, declaration.TotalNetWeightGrams);
        writer.Line($"Total net weight: {Kilograms(declaration.TotalNetWeightGrams)}", bold: true);
        writer.Line($"Total gross weight: {Kilograms(gross)} ({details.ParcelCount} parcel(s), parts and packaging)", bold: true);
        writer.Line($"Total declared value: {declaration.TotalValue}", bold: true);
    }

    private static (string, double, double)[] Cells(params string[] texts) =>
        [.. texts.Select((t, i) => (t, Columns[i].X, Columns[i].Width))];

    private static List<string> AddressLines(Address address) =>
        [.. new[] { address.Name, address.Line1, address.Line2, $"{address.PostalCode} {address.City}", address.Region, Country(address.CountryCode) }
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => l!.Trim())];

    /// <summary>"Germany (DE)": the name for the officer reading the form, the code for the machines.</summary>
    private static string Country(string code)
    {
        try
        {
            return $"{new RegionInfo(code).EnglishName} ({code})";
        }
        catch (ArgumentException)
        {
            return code;
        }
    }

    private static string Kilograms(double grams) => (grams / 1000).ToString("0.000", CultureInfo.InvariantCulture) + " kg";
}
