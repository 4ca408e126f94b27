using MakerShop.Core;
using MakerShop.Shipping.Documents;
using UglyToad.PdfPig;

namespace MakerShop.Shipping.Tests.Documents;

public sealed class CustomsDocumentsTests
{
    private static readonly CustomsDocuments Documents = new(DejaVuFontResolver.DefaultDirectory);

    // One 300 g parcel (two 48.5 g organisers plus packaging), as Samples.Shipment() packs it.
    private static readonly ShipperDetails Details = new(Samples.Workshop, Samples.Customer, "ord_1", "Ada Owner", GrossWeightGrams: 300, ParcelCount: 1);

    private const string LongDescription =
        "Articulated dragon with forty-two printed segments and snap-fit hinges, 3D printed PETG plastic in translucent orange, "
        + "packed flat with its assembly card, gift box and spare hinge pins";

    [Fact]
    public void The_font_the_PDFs_need_is_installed()
    {
        Assert.True(File.Exists(Path.Combine(DejaVuFontResolver.DefaultDirectory, "DejaVuSans.ttf")),
            "DejaVu Sans is missing: tests/run-all.sh installs Debian's fonts-dejavu-core (apt-get install fonts-dejavu-core).");
    }

    [Fact]
    public void The_CN23_shows_every_line_with_HS_code_origin_weight_and_value_but_never_the_IOSS_number()
    {
        var declaration = Samples.Shipment().Customs! with { Form = CustomsForm.CN23, IossNumber = "IM2500000001" };
        var bytes = Documents.RenderCustomsDeclaration(declaration, Details);
        Artifact("cn23-sample.pdf", bytes);
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        var text = Text(pdf);
        Assert.Contains("CUSTOMS DECLARATION CN 23", text, StringComparison.Ordinal);
        Assert.Contains("3926.90 / FR", text, StringComparison.Ordinal);
        Assert.Contains("37.80 EUR", text, StringComparison.Ordinal);
        Assert.Contains("0.097 kg", text, StringComparison.Ordinal);
        Assert.Contains("FR12345678901234", text, StringComparison.Ordinal);
        Assert.Contains("Grace Hopper", text, StringComparison.Ordinal);
        Assert.Contains("United States (US)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("IM2500000001", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_light_low_value_item_gets_the_CN22_title_not_the_CN23()
    {
        var declaration = Samples.Shipment().Customs!;
        Assert.Equal(CustomsForm.CN22, declaration.Form);
        using var pdf = PdfDocument.Open(Documents.RenderCustomsDeclaration(declaration, Details));
        var text = Text(pdf);
        Assert.Contains("CUSTOMS DECLARATION CN 22", text, StringComparison.Ordinal);
        Assert.DoesNotContain("CN 23", text, StringComparison.Ordinal);
        Assert.Contains("CN 22", pdf.Information.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gross_weight_is_the_parcels_on_the_scale_and_the_net_weight_the_parts()
    {
        using var pdf = PdfDocument.Open(Documents.RenderCustomsDeclaration(Samples.Shipment().Customs!, Details));
        var text = Text(pdf);
        Assert.Contains("Total net weight: 0.097 kg", text, StringComparison.Ordinal);
        Assert.Contains("Total gross weight: 0.300 kg", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gross_weight_below_the_parts_is_never_printed()
    {
        using var pdf = PdfDocument.Open(Documents.RenderCustomsDeclaration(Samples.Shipment().Customs!, Details with { GrossWeightGrams = 40 }));
        Assert.Contains("Total gross weight: 0.097 kg", Text(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void A_parcel_a_maker_sends_from_Germany_names_Germany_as_the_sender_country_on_both_papers()
    {
        var declaration = Samples.Shipment().Customs! with { OriginCountry = "DE", Lines = [Samples.Line() with { OriginCountry = "DE" }] };
        var sender = new Address("MakerShop", "", null, "", "", null, "DE");
        foreach (var bytes in new[] { Documents.RenderCustomsDeclaration(declaration, Details with { Sender = sender }), Documents.RenderCommercialInvoice(declaration, Details with { Sender = sender }) })
        {
            using var pdf = PdfDocument.Open(bytes);
            var text = Text(pdf);
            Assert.Contains("Germany (DE)", text, StringComparison.Ordinal);
            Assert.Contains("3926.90 / DE", text, StringComparison.Ordinal);
            Assert.DoesNotContain("France", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Lyon", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_long_description_wraps_inside_its_column_and_is_printed_whole()
    {
        var declaration = Samples.Shipment().Customs! with { Lines = [Samples.Line() with { Description = LongDescription }] };
        var bytes = Documents.RenderCustomsDeclaration(declaration, Details);
        Artifact("cn22-long-description.pdf", bytes);
        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        var words = page.GetWords().Select(w => w.Text).ToList();
        foreach (var word in LongDescription.Split(' '))
        {
            Assert.Contains(word.TrimEnd(','), words.Select(w => w.TrimEnd(',')));
        }

        // Every word of the description sits left of the quantity column: it wrapped instead of running into it.
        var description = page.GetWords().Where(w => LongDescription.Contains(w.Text, StringComparison.Ordinal) && w.Text.Length > 3).ToList();
        Assert.True(description.Select(w => Math.Round(w.BoundingBox.Bottom)).Distinct().Count() >= 3, "the description should take several lines");
        Assert.All(description, w => Assert.True(w.BoundingBox.Right <= 40 + 182, $"'{w.Text}' runs into the next column ({w.BoundingBox.Right:0.0} pt)"));
        Assert.DoesNotContain("…", Text(pdf), StringComparison.Ordinal);
        AssertInsideMargins(pdf);
    }

    [Fact]
    public void Forty_lines_and_long_notes_flow_onto_more_pages_and_nothing_runs_off_a_page()
    {
        var lines = Enumerable.Range(1, 40).Select(i => Samples.Line() with { Description = $"Item {i}: {LongDescription}", Sku = $"sku-{i}" }).ToList();
        var declaration = Samples.Shipment().Customs! with
        {
            Form = CustomsForm.CN23,
            Lines = lines,
            Notes = ["A very long note for the person packing the parcel that goes on and on about the dated rules, the duty, the tax and the carrier's wishes so that it must wrap over several lines of the page."],
        };
        foreach (var (name, bytes) in new[] { ("cn23-forty-lines.pdf", Documents.RenderCustomsDeclaration(declaration, Details)), ("invoice-forty-lines.pdf", Documents.RenderCommercialInvoice(declaration, Details)) })
        {
            Artifact(name, bytes);
            using var pdf = PdfDocument.Open(bytes);
            Assert.True(pdf.NumberOfPages >= 3, $"{name}: {pdf.NumberOfPages} page(s)");
            var text = Text(pdf);
            Assert.Contains("Item 40:", text, StringComparison.Ordinal);
            Assert.Contains($"Total declared value: {declaration.TotalValue}", text, StringComparison.Ordinal);
            AssertInsideMargins(pdf);
        }
    }

    [Fact]
    public void The_commercial_invoice_totals_the_lines_and_states_the_terms()
    {
        var bytes = Documents.RenderCommercialInvoice(Samples.Shipment().Customs!, Details);
        Artifact("invoice-sample.pdf", bytes);
        using var pdf = PdfDocument.Open(bytes);
        var text = Text(pdf);
        Assert.Contains("COMMERCIAL INVOICE", text, StringComparison.Ordinal);
        Assert.Contains("Total declared value: 37.80 EUR", text, StringComparison.Ordinal);
        Assert.Contains("Terms of delivery: DAP", text, StringComparison.Ordinal);
        Assert.Contains("Country of origin: France (FR)", text, StringComparison.Ordinal);
        AssertInsideMargins(pdf);
    }

    [Fact]
    public void The_day_bundle_keeps_every_page_of_every_document_in_order()
    {
        var customs = Samples.Shipment().Customs!;
        var cn = Documents.RenderCustomsDeclaration(customs, Details);
        var invoice = Documents.RenderCommercialInvoice(customs, Details);
        var bundle = DocumentBundle.Merge([new PrintableDocument(cn, "application/pdf"), new PrintableDocument(invoice, "application/pdf")], "Shipping documents");
        using var pdf = PdfDocument.Open(bundle);
        Assert.Equal(2, pdf.NumberOfPages);
        Assert.Contains("CUSTOMS DECLARATION CN 22", pdf.GetPage(1).Text, StringComparison.Ordinal);
        Assert.Contains("COMMERCIAL INVOICE", pdf.GetPage(2).Text, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => DocumentBundle.Merge([], "nothing"));
    }

    [Fact]
    public void A_missing_font_directory_fails_with_the_package_to_install()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => new DejaVuFontResolver("/nonexistent-fonts").GetFont("DejaVuSans"));
        Assert.Contains("fonts-dejavu-core", ex.Message, StringComparison.Ordinal);
    }

    private static string Text(PdfDocument pdf) => string.Join('\n', pdf.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));

    /// <summary>Every glyph lies inside the page with at least 30 pt of margin on each side.</summary>
    private static void AssertInsideMargins(PdfDocument pdf)
    {
        foreach (var page in pdf.GetPages())
        {
            foreach (var letter in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)))
            {
                var box = letter.BoundingBox;
                Assert.True(box.Left >= 30 && box.Right <= page.Width - 30 && box.Bottom >= 30 && box.Top <= page.Height - 30,
                    $"page {page.Number}: '{letter.Value}' at ({box.Left:0.0}, {box.Bottom:0.0})-({box.Right:0.0}, {box.Top:0.0}) is outside the margins of {page.Width:0} x {page.Height:0}");
            }
        }
    }

    // The rendered documents are kept beside the test results so a person can look at them (pdftoppm -png).
    private static void Artifact(string name, byte[] bytes)
    {
        if (Environment.GetEnvironmentVariable("TEST_RESULTS_DIR") is { Length: > 0 } results)
        {
            var folder = Directory.CreateDirectory(Path.Combine(results, "documents")).FullName;
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }
    }
}
