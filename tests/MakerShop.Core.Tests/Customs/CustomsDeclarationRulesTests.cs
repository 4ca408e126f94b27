namespace MakerShop.Core.Tests.Customs;

public sealed class CustomsDeclarationRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static readonly CustomsSettings Settings = new(
        Cn22MaxValueEur: 350m,
        UnitsPerEur: new Dictionary<string, decimal> { ["USD"] = 1.08m, ["GBP"] = 0.85m, ["CHF"] = 0.94m },
        RatesDate: new DateOnly(2026, 11, 2),
        IossNumber: "IM2500000001",
        UkVatNumber: "GB123456789",
        EoriByTerritory: new Dictionary<string, string> { ["EU"] = "FR12345678901234" });

    private static CustomsLine Line(int quantity = 2, long unitCents = 1890, string hs = HsCode.Default, string origin = "FR", Currency? currency = null) =>
        new("Desk cable organiser, 3D printed PLA plastic", quantity, 48.5, Money.FromMinor(unitCents, currency ?? Currency.Eur), origin, hs, "cable-organiser");

    private static Parcel Parcel(double grams = 400) => new(1, grams, new Size3(200, 150, 100), []);

    private static CustomsDeclaration? Declare(string from, string to, IReadOnlyList<CustomsLine>? lines = null, double grams = 400, DateOnly? on = null) =>
        CustomsDeclarationRules.Declare(from, to, lines ?? [Line(origin: from)], [Parcel(grams)], "INV-1", on ?? Today, Settings);

    [Fact]
    public void FR_to_US_is_a_CN22_at_DAP_with_the_EU_EORI_and_the_US_de_minimis_note()
    {
        var declaration = Declare("FR", "US")!;
        Assert.Equal(CustomsForm.CN22, declaration.Form);
        Assert.Equal(Incoterm.DAP, declaration.Incoterm);
        Assert.Null(declaration.IossNumber);
        Assert.Equal("FR12345678901234", declaration.EoriNumber);
        Assert.Equal(Money.FromMinor(3780, Currency.Eur), declaration.TotalValue);
        Assert.Equal(97, declaration.TotalNetWeightGrams, 6);
        var line = Assert.Single(declaration.Lines);
        Assert.Equal(("FR", "392690", 2), (line.OriginCountry, line.HsCode, line.Quantity));
        Assert.Contains(declaration.Notes, n => n.StartsWith("US de minimis is suspended", StringComparison.Ordinal));
    }

    [Fact]
    public void A_parcel_whose_duties_the_customer_paid_at_checkout_travels_DDP_even_where_the_low_value_rules_say_DAP()
    {
        Assert.Equal(Incoterm.DAP, Declare("DE", "CH")!.Incoterm);
        var promised = CustomsDeclarationRules.Declare("DE", "CH", [Line(origin: "DE")], [Parcel(400)], "INV-1", Today, Settings, DutiesPaidBy.Shop)!;
        Assert.Equal(Incoterm.DDP, promised.Incoterm);
        Assert.DoesNotContain(promised.Notes, n => n.Contains("paid by the customer on delivery", StringComparison.Ordinal));
        Assert.Contains(promised.Notes, n => n.Contains("paid duty and import tax at checkout", StringComparison.Ordinal));

        var toUs = CustomsDeclarationRules.Declare("FR", "US", [Line(origin: "FR")], [Parcel(400)], "INV-1", Today, Settings, DutiesPaidBy.Shop)!;
        Assert.Equal(Incoterm.DDP, toUs.Incoterm);
        Assert.DoesNotContain(toUs.Notes, n => n.Contains("(DAP)", StringComparison.Ordinal));
        Assert.Equal(Incoterm.DAP, CustomsDeclarationRules.Declare("FR", "US", [Line(origin: "FR")], [Parcel(400)], "INV-1", Today, Settings, DutiesPaidBy.Customer)!.Incoterm);
    }

    [Fact]
    public void Before_29_August_2025_a_US_parcel_carries_no_de_minimis_note()
    {
        var declaration = Declare("FR", "US", on: new DateOnly(2025, 8, 28))!;
        Assert.DoesNotContain(declaration.Notes, n => n.Contains("de minimis", StringComparison.Ordinal));
    }

    [Fact]
    public void FR_to_GB_is_declared_and_DDP_when_UK_VAT_was_charged_at_sale_up_to_135_pounds()
    {
        var declaration = Declare("FR", "GB")!;
        Assert.Equal(Incoterm.DDP, declaration.Incoterm);
        Assert.Contains(declaration.Notes, n => n.Contains("UK VAT was charged at sale", StringComparison.Ordinal));

        var expensive = Declare("FR", "GB", [Line(quantity: 10, unitCents: 2000)])!;
        Assert.Equal(Incoterm.DAP, expensive.Incoterm);
    }

    [Fact]
    public void FR_to_CH_is_declared_at_DAP_and_a_heavy_parcel_needs_a_CN23()
    {
        var declaration = Declare("FR", "CH")!;
        Assert.Equal(Incoterm.DAP, declaration.Incoterm);
        Assert.Equal(CustomsForm.CN22, declaration.Form);
        Assert.Equal(CustomsForm.CN23, Declare("FR", "CH", grams: 2500)!.Form);
    }

    [Fact]
    public void A_value_over_300_SDR_needs_a_CN23()
    {
        Assert.Equal(CustomsForm.CN23, Declare("FR", "CH", [Line(quantity: 20, unitCents: 2000)])!.Form);
    }

    [Theory]
    [InlineData("DE", "FR")]
    [InlineData("FR", "FR")]
    [InlineData("FR", "MC")]
    public void Inside_the_EU_customs_union_there_is_no_declaration(string from, string to)
    {
        Assert.Null(Declare(from, to));
    }

    [Fact]
    public void A_US_maker_shipping_to_France_under_150_euros_uses_IOSS_and_DDP_with_the_dated_flat_duty()
    {
        var declaration = Declare("US", "FR", [Line(origin: "US", unitCents: 2500, currency: Currency.Usd)])!;
        Assert.Equal("IM2500000001", declaration.IossNumber);
        Assert.Equal(Incoterm.DDP, declaration.Incoterm);
        Assert.Contains(declaration.Notes, n => n.StartsWith("EU interim duty: 3 EUR x 1 tariff line(s)", StringComparison.Ordinal));

        var beforeFlatDuty = Declare("US", "FR", [Line(origin: "US", unitCents: 2500, currency: Currency.Usd)], on: new DateOnly(2026, 6, 30))!;
        Assert.DoesNotContain(beforeFlatDuty.Notes, n => n.StartsWith("EU interim duty", StringComparison.Ordinal));
    }

    [Fact]
    public void Over_150_euros_a_consignment_into_the_EU_cannot_use_IOSS()
    {
        var declaration = Declare("US", "FR", [Line(origin: "US", quantity: 10, unitCents: 2500, currency: Currency.Usd)])!;
        Assert.Null(declaration.IossNumber);
        Assert.Equal(Incoterm.DAP, declaration.Incoterm);
    }

    [Fact]
    public void HS_codes_are_stored_as_digits_and_shown_with_a_dot()
    {
        Assert.Equal("392640", HsCode.Normalise("3926.40"));
        Assert.Equal("3926.40", HsCode.Display("392640"));
        Assert.Equal("hsCode", Assert.Throws<DomainValidationException>(() => HsCode.Normalise("39.26")).Field);
    }
}
