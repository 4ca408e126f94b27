namespace MakerShop.Core.Tests.Shipping;

public sealed class PackingTests
{
    private static readonly PackingRules Rules = new(new Size3(300, 200, 150), PackagingGrams: 180, MaxParcelGrams: 1000);

    [Fact]
    public void Units_that_fit_go_in_one_parcel_weighing_parts_plus_packaging()
    {
        var parcels = Rules.Pack([(0, 2, 100.0), (1, 1, 250.0)]);
        var parcel = Assert.Single(parcels);
        Assert.Equal(180 + 200 + 250, parcel.WeightGrams, 6);
        Assert.Equal([new ParcelItem(0, 2, 200), new ParcelItem(1, 1, 250)], parcel.Items);
    }

    [Fact]
    public void An_order_too_heavy_for_one_box_ships_in_several_parcels()
    {
        var parcels = Rules.Pack([(0, 5, 300.0)]);
        Assert.Equal(3, parcels.Count);
        Assert.All(parcels, p => Assert.True(p.WeightGrams <= 1000));
        Assert.Equal(5, parcels.Sum(p => p.Items.Sum(i => i.Quantity)));
        Assert.Equal([1, 2, 3], parcels.Select(p => p.Number));
    }

    [Fact]
    public void Volumetric_weight_uses_the_carriers_divisor_and_the_heavier_weight_is_charged()
    {
        // 30 x 20 x 15 cm = 9000 cm³: 1.8 kg at 5000 (express), 1.5 kg at 6000 (postal).
        Assert.Equal(1800, VolumetricWeight.Grams(new Size3(300, 200, 150), 5000), 6);
        Assert.Equal(1500, VolumetricWeight.Grams(new Size3(300, 200, 150), 6000), 6);
        var parcel = Rules.Pack([(0, 1, 100.0)])[0];
        Assert.Equal(1800, parcel.ChargeableWeightGrams(5000), 6);
        Assert.Throws<DomainValidationException>(() => VolumetricWeight.Grams(new Size3(1, 1, 1), 0));
    }
}
