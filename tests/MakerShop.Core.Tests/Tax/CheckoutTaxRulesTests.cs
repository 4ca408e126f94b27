using MakerShop.Core;

namespace MakerShop.Core.Tests.Tax;

public class CheckoutTaxRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static readonly VatRateTable Rates = new(
    [
        new VatRate("FR", 0.20m, new DateOnly(2014, 1, 1)),
        new VatRate("DE", 0.16m, new DateOnly(2020, 7, 1), new DateOnly(2021, 1, 1)),
        new VatRate("DE", 0.19m, new DateOnly(2021, 1, 1)),
        new VatRate("GB", 0.20m, new DateOnly(2011, 1, 4)),
        new VatRate("CH", 0.081m, new DateOnly(2024, 1, 1)),
        new VatRate("AU", 0.10m, new DateOnly(2000, 7, 1)),
    ]);

    // Fixed cross rates per EUR, as the ECB publishes them.
    private static readonly Dictionary<string, decimal> PerEuro = new()
    {
        ["EUR"] = 1m, ["GBP"] = 0.85m, ["CHF"] = 0.95m, ["AUD"] = 1.65m, ["USD"] = 1.10m, ["JPY"] = 160m,
    };

    private static Money Convert(Money amount, Currency target) =>
        amount.Currency == target
            ? amount
            : Money.FromDecimal(amount.ToDecimal() / PerEuro[amount.Currency.Code] * PerEuro[target.Code], target, MidpointRounding.AwayFromZero);

    private static SellerTaxProfile Seller(bool oss = true, string? ioss = "IM2500000001", string? ukVat = "GB123456789", string? arn = "ARN000000001", bool swiss = false, decimal? usDuty = null) =>
        new(oss, ioss, ukVat, arn, swiss, usDuty is null ? new Dictionary<string, decimal>() : new Dictionary<string, decimal> { ["US"] = usDuty.Value });

    private static CheckoutTaxRules Rules(SellerTaxProfile? seller = null) => new(Rates, seller ?? Seller(), Convert);

    private static TaxQuestion Parcel(string from, string to, decimal goods, decimal shipping = 10m, string currency = "EUR", string? postal = null, DateOnly? on = null) =>
        new(from, to, postal,
            Money.FromDecimal(goods, Currency.FromCode(currency), MidpointRounding.AwayFromZero),
            Money.FromDecimal(shipping, Currency.FromCode(currency), MidpointRounding.AwayFromZero),
            1, on ?? Today);

    [Fact]
    public void France_to_France_is_a_domestic_sale_at_french_vat_on_goods_and_shipping()
    {
        var landed = Rules().Land(Parcel("FR", "FR", 40m));
        Assert.Equal(TaxRegime.Domestic, landed.Decision.Regime);
        Assert.Equal("10.00 EUR", landed.Tax.ToString());
        Assert.Equal("60.00 EUR", landed.Total.ToString());
        Assert.Null(landed.Decision.Incoterm);
        Assert.False(landed.MayOweOnDelivery);
    }

    [Fact]
    public void France_to_Germany_above_the_oss_threshold_charges_german_vat()
    {
        var landed = Rules().Land(Parcel("FR", "DE", 40m));
        Assert.Equal(TaxRegime.IntraEuOss, landed.Decision.Regime);
        Assert.Equal("DE", landed.Decision.TaxCountry);
        Assert.Equal("9.50 EUR", landed.Tax.ToString());
        Assert.Null(landed.Decision.Incoterm);
    }

    [Fact]
    public void France_to_Germany_below_the_oss_threshold_charges_french_vat()
    {
        var decision = Rules(Seller(oss: false)).Decide(Parcel("FR", "DE", 40m));
        Assert.Equal(TaxRegime.IntraEuHomeRate, decision.Regime);
        Assert.Equal("10.00 EUR", decision.Tax.ToString());
    }

    [Fact]
    public void The_rate_is_the_one_in_force_on_the_tax_point_date()
    {
        var decision = Rules().Decide(Parcel("FR", "DE", 100m, 0m, on: new DateOnly(2020, 9, 1)));
        Assert.Equal(0.16m, decision.Rate);
        Assert.Equal("16.00 EUR", decision.Tax.ToString());
    }

    [Fact]
    public void France_to_Great_Britain_up_to_135_pounds_charges_uk_vat_at_checkout()
    {
        var landed = Rules().Land(Parcel("FR", "GB", 100m, 10m));
        Assert.Equal(TaxRegime.UkPointOfSale, landed.Decision.Regime);
        Assert.Equal("22.00 EUR", landed.Tax.ToString());
        Assert.Equal("DDP", landed.Decision.Incoterm);
        Assert.Equal("132.00 EUR", landed.Total.ToString());
    }

    [Fact]
    public void France_to_Great_Britain_above_135_pounds_leaves_import_vat_to_the_door()
    {
        // 200 EUR is 170 GBP: above the threshold, which is tested on the goods alone.
        var landed = Rules().Land(Parcel("FR", "GB", 200m));
        Assert.Equal(TaxRegime.UkImport, landed.Decision.Regime);
        Assert.True(landed.Tax.IsZero);
        Assert.Equal("DAP", landed.Decision.Incoterm);
        Assert.True(landed.MayOweOnDelivery);
    }

    [Fact]
    public void Great_Britain_up_to_135_pounds_is_refused_without_a_uk_vat_registration()
    {
        var error = Assert.Throws<DomainValidationException>(() => Rules(Seller(ukVat: null)).Decide(Parcel("FR", "GB", 50m)));
        Assert.Equal("shippingAddress.countryCode", error.Field);
    }

    [Fact]
    public void Northern_Ireland_follows_the_eu_rules_at_the_uk_rate()
    {
        var decision = Rules().Decide(Parcel("FR", "GB", 50m, 0m, postal: "BT1 5GS"));
        Assert.Equal(TaxRegime.IntraEuOss, decision.Regime);
        Assert.Equal("10.00 EUR", decision.Tax.ToString());
    }

    [Fact]
    public void France_to_the_United_States_has_no_de_minimis_so_even_a_small_parcel_owes_duty()
    {
        var dap = Rules().Land(Parcel("FR", "US", 20m));
        Assert.Equal(TaxRegime.UsImport, dap.Decision.Regime);
        Assert.Equal("DAP", dap.Decision.Incoterm);
        Assert.True(dap.MayOweOnDelivery);

        var ddp = Rules(Seller(usDuty: 0.10m)).Land(Parcel("FR", "US", 20m));
        Assert.Equal("2.00 EUR", ddp.Duties.ToString());
        Assert.True(ddp.Tax.IsZero);
        Assert.Equal("DDP", ddp.Decision.Incoterm);
        Assert.Equal("32.00 EUR", ddp.Total.ToString());
    }

    [Fact]
    public void France_to_Switzerland_below_five_francs_of_import_vat_owes_nothing_at_the_door()
    {
        // 40 + 10 EUR = 47.50 CHF; 8.1 % of it is 3.85 CHF, under the CHF 5 the administration waives.
        var landed = Rules().Land(Parcel("FR", "CH", 40m));
        Assert.Equal(TaxRegime.SwissImport, landed.Decision.Regime);
        Assert.True(landed.Tax.IsZero);
        Assert.False(landed.MayOweOnDelivery);
    }

    [Fact]
    public void France_to_Switzerland_above_five_francs_leaves_import_vat_and_a_fee_to_the_door()
    {
        var landed = Rules().Land(Parcel("FR", "CH", 120m));
        Assert.True(landed.MayOweOnDelivery);
        Assert.Equal("DAP", landed.Decision.Incoterm);
    }

    [Fact]
    public void A_swiss_registered_shop_charges_swiss_vat_on_every_parcel()
    {
        var decision = Rules(Seller(swiss: true)).Decide(Parcel("FR", "CH", 100m, 0m, currency: "CHF"));
        Assert.Equal(TaxRegime.SwissRegistered, decision.Regime);
        Assert.Equal("8.10 CHF", decision.Tax.ToString());
    }

    [Fact]
    public void France_to_Australia_up_to_1000_dollars_charges_gst_when_registered()
    {
        var landed = Rules().Land(Parcel("FR", "AU", 100m, 20m, currency: "AUD"));
        Assert.Equal(TaxRegime.AustraliaPointOfSale, landed.Decision.Regime);
        Assert.Equal("12.00 AUD", landed.Tax.ToString());
        Assert.Equal("132.00 AUD", landed.Total.ToString());

        var above = Rules().Decide(Parcel("FR", "AU", 1500m, 20m, currency: "AUD"));
        Assert.Equal(TaxRegime.AustraliaImport, above.Regime);
        Assert.Equal("DAP", above.Incoterm);
    }

    [Fact]
    public void France_to_Japan_charges_no_tax_and_warns_of_charges_on_delivery_in_whole_yen()
    {
        var landed = Rules().Land(Parcel("FR", "JP", 4999.5m, 1200m, currency: "JPY"));
        Assert.Equal(TaxRegime.Import, landed.Decision.Regime);
        Assert.Equal("6200 JPY", landed.Total.ToString());
        Assert.True(landed.MayOweOnDelivery);
    }

    [Fact]
    public void An_import_into_the_eu_up_to_150_euros_under_ioss_collects_vat_and_the_interim_duty()
    {
        var question = Parcel("US", "DE", 100m, 0m) with { TariffLines = 2 };
        var landed = Rules().Land(question);
        Assert.Equal(TaxRegime.EuImportIoss, landed.Decision.Regime);
        Assert.Equal("19.00 EUR", landed.Tax.ToString());
        Assert.Equal("6.00 EUR", landed.Duties.ToString());
        Assert.Equal("DDP", landed.Decision.Incoterm);

        var beforeJuly = Rules().Decide(question with { TaxPoint = new DateOnly(2026, 6, 30) });
        Assert.True(beforeJuly.Duties.IsZero);
    }

    [Fact]
    public void An_import_into_the_eu_above_150_euros_or_without_ioss_is_taxed_at_the_door()
    {
        Assert.Equal(DutiesPaidBy.Customer, Rules().Decide(Parcel("GB", "FR", 151m)).DutiesPaidBy);
        Assert.Equal(DutiesPaidBy.Customer, Rules(Seller(ioss: null)).Decide(Parcel("GB", "FR", 20m)).DutiesPaidBy);
    }

    [Fact]
    public void A_missing_rate_is_a_configuration_error_not_a_zero()
    {
        var error = Assert.Throws<DomainException>(() => Rules().Decide(Parcel("FR", "IT", 10m)));
        Assert.Contains("IT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_rates_for_one_country_are_refused()
    {
        Assert.Throws<DomainValidationException>(() => new VatRateTable(
        [
            new VatRate("DE", 0.16m, new DateOnly(2020, 7, 1), new DateOnly(2021, 1, 1)),
            new VatRate("DE", 0.19m, new DateOnly(2020, 12, 1)),
        ]));
    }
}
