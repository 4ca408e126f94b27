using MakerShop.Core;
using MakerShop.Shipping.Documents;
using UglyToad.PdfPig;

namespace MakerShop.Shipping.Tests.Documents;

public sealed class CustomsDocumentsTests
{
    private static readonly CustomsDocuments Documents = new(DejaVuFontResolver.DefaultDirectory);

    private static readonly ShipperDetails Details = new(Samples.Workshop, Samples.Customer, "ord_1", "Ada Owner");

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
        using var pdf = PdfDocument.Open(Documents.RenderCn23(declaration, Details));
        Assert.Equal(1, pdf.NumberOfPages);
        var text = string.Join('\n', pdf.GetPages().Select(p => p.Text));
        Assert.Contains("CUSTOMS DECLARATION CN 23", text, StringComparison.Ordinal);
        Assert.Contains("3926.90 / FR", text, StringComparison.Ordinal);
        Assert.Contains("37.80 EUR", text, StringComparison.Ordinal);
        Assert.Contains("0.097 kg", text, StringComparison.Ordinal);
        Assert.Contains("FR12345678901234", text, StringComparison.Ordinal);
        Assert.Contains("Grace Hopper", text, StringComparison.Ordinal);
        Assert.DoesNotContain("IM2500000001", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_commercial_invoice_totals_the_lines_and_states_the_terms()
    {
        using var pdf = PdfDocument.Open(Documents.RenderCommercialInvoice(Samples.Shipment().Customs!, Details));
        var text = string.Join('\n', pdf.GetPages().Select(p => p.Text));
        Assert.Contains("COMMERCIAL INVOICE", text, StringComparison.Ordinal);
        Assert.Contains("Total: 37.80 EUR", text, StringComparison.Ordinal);
        Assert.Contains("Terms of delivery: DAP", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_font_directory_fails_with_the_package_to_install()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => new DejaVuFontResolver("/nonexistent-fonts").GetFont("DejaVuSans"));
        Assert.Contains("fonts-dejavu-core", ex.Message, StringComparison.Ordinal);
    }
}
