namespace MakerShop.Core.Tests.Shipping;

/// <summary>The rules behind the fulfilment desk: re-weighing parcels before the label, handing over once, customs form by weight.</summary>
public sealed class FulfilmentDeskRulesTests
{
    private static readonly DateTimeOffset T0 = Build.T0;

    private static readonly CustomsSettings Settings = new(350m, new Dictionary<string, decimal> { ["USD"] = 1.08m }, new DateOnly(2026, 3, 1), null, null,
        new Dictionary<string, string>());

    private static readonly CustomsLine Cube = new("Calibration cube, 3D printed PLA plastic", 2, 7.5, Money.FromMinor(450, Currency.Eur), "DE", HsCode.Default, "calibration-cube");

    private static Shipment Draft(double grams = 300)
    {
        IReadOnlyList<Parcel> parcels = [new Parcel(1, grams, new Size3(250, 200, 120), [new ParcelItem(0, 2, 15)])];
        var customs = CustomsDeclarationRules.Declare("DE", "CH", [Cube], parcels, "INV-ord_1", new DateOnly(2026, 12, 7), Settings);
        return Shipment.CreateDraft("shp-1", "ord_1", "DE", "CH", parcels, customs, T0);
    }

    [Fact]
    public void A_light_cheap_parcel_gets_a_CN22_and_the_same_parcel_weighed_at_over_2_kg_a_CN23()
    {
        var shipment = Draft();
        Assert.Equal(CustomsForm.CN22, shipment.Customs!.Form);

        IReadOnlyList<Parcel> heavier = [shipment.Parcels[0] with { WeightGrams = 2400 }];
        shipment.ReplaceParcels(heavier, CustomsDeclarationRules.Reassess(shipment.Customs, heavier, Settings), T0.AddMinutes(5));

        Assert.Equal(CustomsForm.CN23, shipment.Customs!.Form);
        Assert.Equal(2400, shipment.Parcels[0].WeightGrams);
        Assert.Equal(T0.AddMinutes(5), shipment.UpdatedAt);
    }

    [Fact]
    public void Contents_worth_more_than_300_SDR_need_a_CN23_however_light()
    {
        var dear = Cube with { UnitValue = Money.FromMinor(20_000, Currency.Eur) };
        IReadOnlyList<Parcel> parcels = [new Parcel(1, 300, new Size3(250, 200, 120), [new ParcelItem(0, 2, 15)])];
        var customs = CustomsDeclarationRules.Declare("DE", "CH", [dear], parcels, "INV-ord_1", new DateOnly(2026, 12, 7), Settings)!;
        Assert.Equal(CustomsForm.CN23, customs.Form);
    }

    [Fact]
    public void The_gross_weight_is_the_parcels_and_never_less_than_the_parts()
    {
        var customs = Draft().Customs!;
        Assert.Equal(15, customs.TotalNetWeightGrams);
        Assert.Equal(300, customs.GrossWeightGrams([new Parcel(1, 300, new Size3(1, 1, 1), [])]));
        Assert.Equal(15, customs.GrossWeightGrams([new Parcel(1, 10, new Size3(1, 1, 1), [])]));
    }

    [Fact]
    public void A_box_lighter_than_its_parts_or_with_an_absurd_side_is_refused_naming_the_field()
    {
        var parcel = Draft().Parcels[0];
        Assert.Equal("parcels[0].weightGrams", Assert.Throws<DomainValidationException>(() => ParcelLimits.Check(parcel with { WeightGrams = 10 }, 0)).Field);
        Assert.Equal("parcels[1].weightGrams", Assert.Throws<DomainValidationException>(() => ParcelLimits.Check(parcel with { WeightGrams = double.NaN }, 1)).Field);
        Assert.Equal("parcels[0].heightMm", Assert.Throws<DomainValidationException>(() => ParcelLimits.Check(parcel with { Dimensions = new Size3(200, 100, 0) }, 0)).Field);
        Assert.Equal("parcels[0].lengthMm", Assert.Throws<DomainValidationException>(() => ParcelLimits.Check(parcel with { Dimensions = new Size3(5000, 100, 10) }, 0)).Field);
        Assert.Same(parcel, ParcelLimits.Check(parcel, 0));
    }

    [Fact]
    public void Parcels_are_locked_once_the_label_exists()
    {
        var shipment = Draft();
        shipment.AttachLabel(new ShippingLabel("manual", "colissimo", "CC473124829DE", null, null, null, null), T0);
        Assert.Throws<InvalidTransitionException>(() => shipment.ReplaceParcels(shipment.Parcels, shipment.Customs, T0));
    }

    [Fact]
    public void A_parcel_is_handed_over_only_once_it_is_labelled_and_only_once()
    {
        var shipment = Draft();
        Assert.Throws<InvalidTransitionException>(() => shipment.MarkHandedOver(T0));

        shipment.AttachLabel(new ShippingLabel("manual", "colissimo", "CC473124829DE", null, null, null, null), T0);
        shipment.MarkHandedOver(T0.AddHours(1));
        Assert.Equal(T0.AddHours(1), shipment.HandedOverAt);
        Assert.Throws<InvalidTransitionException>(() => shipment.MarkHandedOver(T0.AddHours(2)));
    }
}
