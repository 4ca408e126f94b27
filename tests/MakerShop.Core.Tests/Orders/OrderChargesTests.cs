namespace MakerShop.Core.Tests;

public class OrderChargesTests
{
    private static readonly DateTimeOffset T0 = Build.T0;

    private static readonly VatRateTable Rates = new(
    [
        new VatRate("FR", 0.20m, new DateOnly(2014, 1, 1)),
        new VatRate("DE", 0.19m, new DateOnly(2021, 1, 1)),
        new VatRate("CH", 0.081m, new DateOnly(2024, 1, 1)),
    ]);

    // CHF per EUR, as fixed for this test; other pairs are not needed.
    private static Money Convert(Money amount, Currency target) =>
        amount.Currency == target ? amount : CurrencyRounding.Round(amount.ToDecimal() * (target == Currency.Chf ? 0.93m : 1m / 0.93m), target);

    private static readonly CheckoutTaxRules Rules = new(Rates, new SellerTaxProfile(true, null, null, null, false, new Dictionary<string, decimal>()), Convert);

    private static Money Chf(decimal amount) => Money.FromDecimal(amount, Currency.Chf, MidpointRounding.AwayFromZero);

    private static Order PlaceInChf(OrderCharges charges, params OrderLine[] lines) =>
        Order.Place("ord_1", "Ada", "ada@example.com", Build.Address(), Currency.Chf, lines, express: false, T0, T0.AddDays(5), charges);

    [Fact]
    public void An_order_placed_from_a_landed_price_charges_goods_shipping_and_destination_vat_in_the_visitors_currency()
    {
        var line = new OrderLine("cube", "Cube", "PLA", "black", 2, Chf(4.20m));
        var landed = Rules.Land(new TaxQuestion("FR", "DE", "10115", line.LineTotal, Chf(15.30m), 1, new DateOnly(2026, 11, 27)));

        var order = PlaceInChf(OrderCharges.From(landed, "Colissimo"), line);

        // 19 % of (8.40 + 15.30) = 4.503, rounded half away from zero to the centime.
        Assert.Equal(Chf(4.50m), order.Charges!.Tax);
        Assert.Equal(Chf(28.20m), order.Total);
        Assert.Equal(TaxRegime.IntraEuOss, order.Charges.Regime);
        Assert.Null(order.Charges.Incoterm);
    }

    [Fact]
    public void A_parcel_to_switzerland_from_an_unregistered_shop_is_DAP_with_no_tax_charged_when_import_vat_exceeds_five_francs()
    {
        var line = new OrderLine("planter", "Planter", "PETG", "orange", 4, Chf(25m));
        var landed = Rules.Land(new TaxQuestion("FR", "CH", "8001", line.LineTotal, Chf(23.40m), 1, new DateOnly(2026, 11, 27)));

        var order = PlaceInChf(OrderCharges.From(landed, "Colissimo"), line);

        Assert.Equal("DAP", order.Charges!.Incoterm);
        Assert.True(order.Charges.Tax.IsZero);
        Assert.Equal(Chf(123.40m), order.Total);
    }

    [Fact]
    public void Charges_whose_goods_are_not_the_sum_of_the_lines_are_refused()
    {
        var line = new OrderLine("cube", "Cube", "PLA", "black", 2, Chf(4.20m));
        var tampered = new OrderCharges(Chf(0.01m), Chf(15.30m), Chf(0m), Chf(0m), TaxRegime.IntraEuOss, "DE", 0.19m, DutiesPaidBy.NoBorder, "Colissimo");

        var error = Assert.Throws<DomainValidationException>(() => PlaceInChf(tampered, line));
        Assert.Equal("charges.goods", error.Field);
    }

    [Fact]
    public void Charges_in_another_currency_than_the_order_are_refused()
    {
        var line = new OrderLine("cube", "Cube", "PLA", "black", 1, Chf(4.20m));
        var euros = new OrderCharges(Chf(4.20m), Money.FromMinor(1530, Currency.Eur), Chf(0m), Chf(0m), TaxRegime.IntraEuOss, "DE", 0.19m, DutiesPaidBy.NoBorder, "Colissimo");

        var error = Assert.Throws<DomainValidationException>(() => PlaceInChf(euros, line));
        Assert.Equal("charges.shipping", error.Field);
    }

    [Fact]
    public void Yen_charges_stay_in_whole_yen()
    {
        var yen = Currency.Jpy;
        var line = new OrderLine("cube", "Cube", "PLA", "black", 3, Money.FromMinor(726, yen));
        var charges = new OrderCharges(line.LineTotal, Money.FromMinor(2653, yen), Money.FromMinor(0, yen), Money.FromMinor(0, yen), TaxRegime.Import, "JP", 0m, DutiesPaidBy.Customer, "Colissimo");

        var order = Order.Place("ord_2", "Ada", "ada@example.com", new Address("Ada", "1-2-3 Chiyoda", null, "Tokyo", "100-0001", "Tokyo", "JP"), yen, [line], false, T0, T0.AddDays(5), charges);

        Assert.Equal(Money.FromMinor(4831, yen), order.Total);
        Assert.Equal("4831 JPY", order.Total.ToString());
    }
}
