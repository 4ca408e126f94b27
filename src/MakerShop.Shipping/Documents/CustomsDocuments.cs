using System.Globalization;
using MakerShop.Core;
using PdfSharp.Pdf;

namespace MakerShop.Shipping.Documents;

/// <summary>
/// The CN 23 customs declaration and the commercial invoice as PDF for the owner to print. The IOSS number is
/// deliberately left off both: it travels to the carrier electronically only (fulfilment.md §2.6).
/// </summary>
public sealed class CustomsDocuments(string fontDirectory)
{
    private static readonly double[] Columns = [0, 190, 230, 300, 380, 450];

    public byte[] RenderCn23(CustomsDeclaration declaration, ShipperDetails details)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(details);
        return Render($"CN 23 customs declaration - {declaration.InvoiceNumber}", writer =>
        {
            writer.Title(declaration.Form == CustomsForm.CN22 ? "CUSTOMS DECLARATION CN 22" : "CUSTOMS DECLARATION CN 23");
            Parties(writer, details);
            writer.Line($"Category of item: Commercial items ({declaration.ContentsType})", bold: true);
            writer.Line($"Incoterm: {declaration.Incoterm}    Invoice: {declaration.InvoiceNumber}    Order: {details.OrderId}");
            if (declaration.EoriNumber is { } eori)
            {
                writer.Line($"Sender's EORI: {eori}");
            }

            Lines(writer, declaration);
            writer.Gap();
            writer.Line($"Total gross weight: {Grams(declaration.TotalNetWeightGrams)} net; declared value {declaration.TotalValue}", bold: true);
            writer.Line("In case of non-delivery: return to sender.");
            writer.Gap(16);
            writer.Line("I certify that the particulars given in this customs declaration are correct and that this item does not");
            writer.Line("contain any dangerous article prohibited by legislation or by postal or customs regulations.");
            writer.Line($"Date and sender's signature: {declaration.DeclaredOn:yyyy-MM-dd}  {details.Signer}");
        });
    }

    public byte[] RenderCommercialInvoice(CustomsDeclaration declaration, ShipperDetails details)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(details);
        return Render($"Commercial invoice {declaration.InvoiceNumber}", writer =>
        {
            writer.Title("COMMERCIAL INVOICE");
            writer.Line($"Invoice number: {declaration.InvoiceNumber}    Date: {declaration.DeclaredOn:yyyy-MM-dd}    Order: {details.OrderId}");
            Parties(writer, details);
            writer.Line($"Country of origin: {declaration.OriginCountry}    Destination: {declaration.DestinationCountry}    Terms of delivery: {declaration.Incoterm}");
            if (declaration.EoriNumber is { } eori)
            {
                writer.Line($"Exporter EORI: {eori}");
            }

            writer.Line("Reason for export: sale of goods");
            Lines(writer, declaration);
            writer.Gap();
            writer.Line($"Total: {declaration.TotalValue}", bold: true);
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
        writer.Row([("From (sender)", Columns[0]), ("To (recipient)", 260)], bold: true);
        var from = AddressLines(details.Sender);
        var to = AddressLines(details.Recipient);
        for (var i = 0; i < Math.Max(from.Count, to.Count); i++)
        {
            writer.Row([(i < from.Count ? from[i] : string.Empty, Columns[0]), (i < to.Count ? to[i] : string.Empty, 260)]);
        }

        writer.Rule();
    }

    private static void Lines(PdfPageWriter writer, CustomsDeclaration declaration)
    {
        writer.Gap();
        writer.Row([("Detailed description of contents", Columns[0]), ("Qty", Columns[1]), ("Net weight", Columns[2]), ("Unit value", Columns[3]), ("Value", Columns[4]), ("HS / origin", Columns[5])], bold: true);
        foreach (var line in declaration.Lines)
        {
            var description = line.Description.Length > 34 ? line.Description[..33] + "…" : line.Description;
            writer.Row([
                (description, Columns[0]),
                (line.Quantity.ToString(CultureInfo.InvariantCulture), Columns[1]),
                (Grams(line.LineNetWeightGrams), Columns[2]),
                (line.UnitValue.ToString(), Columns[3]),
                (line.LineValue.ToString(), Columns[4]),
                ($"{HsCode.Display(line.HsCode)} / {line.OriginCountry}", Columns[5]),
            ]);
        }
    }

    private static List<string> AddressLines(Address address) =>
        [.. new[] { address.Name, address.Line1, address.Line2, $"{address.PostalCode} {address.City}", address.Region, address.CountryCode }
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => l!)];

    private static string Grams(double grams) => (grams / 1000).ToString("0.000", CultureInfo.InvariantCulture) + " kg";
}
