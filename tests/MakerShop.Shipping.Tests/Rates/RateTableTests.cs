using MakerShop.Core;
using MakerShop.Shipping.Packing;
using MakerShop.Shipping.Rates;

namespace MakerShop.Shipping.Tests.Rates;

public sealed class RateTableTests
{
    private static readonly RateTable Table = new(new RateTableOptions
    {
        Carrier = "la-poste",
        Currency = "EUR",
        Zones = [new() { Name = "domestic", Countries = ["DOMESTIC"] }, new() { Name = "eu", Countries = ["EU"] }, new() { Name = "world", Countries = ["*"] }],
        Brackets =
        [
            new() { MaxGrams = 500, Prices = new() { ["domestic"] = 6.50m, ["eu"] = 12.90m, ["world"] = 19.50m } },
            new() { MaxGrams = 2000, Prices = new() { ["domestic"] = 8.90m, ["eu"] = 17.40m, ["world"] = 31.00m } },
        ],
    }, volumetricDivisor: 6000);

    [Theory]
    [InlineData("FR", "domestic")]
    [InlineData("DE", "eu")]
    [InlineData("US", "world")]
    [InlineData("CH", "world")]
    public void Destinations_fall_in_the_first_matching_zone(string to, string zone) => Assert.Equal(zone, Table.ZoneOf("FR", to));

    [Fact]
    public void A_light_but_bulky_parcel_is_priced_by_its_volumetric_weight()
    {
        // 300 g real, but 25.4 x 20.32 x 10.16 cm / 6000 = 874 g volumetric: the 2 kg bracket.
        var quote = Table.Quote(Samples.Shipment(to: "US"))!;
        Assert.Equal(Money.FromMinor(3100, Currency.Eur), quote.Amount);
        Assert.Equal("standard (world)", quote.Service);
    }

    [Fact]
    public void Each_parcel_is_charged_and_too_heavy_a_parcel_has_no_price()
    {
        Assert.Equal(Money.FromMinor(6200, Currency.Eur), Table.Quote(Samples.Shipment(to: "US", parcels: 2))!.Amount);
        var heavy = Shipment.CreateDraft("s", "o", "FR", "FR", [new Parcel(1, 2500, new Size3(100, 100, 100), [])], null, Samples.T0);
        Assert.Null(Table.Quote(heavy));
    }

    [Fact]
    public void Printed_weight_comes_from_the_filament_the_G_code_extrudes()
    {
        // 1000 mm of 1.75 mm PLA extruded (a retraction and its recovery count once), absolute then relative.
        var gcode = "M82\nG92 E0\nG1 X10 E400\nG1 E398 ; retract\nG1 E400\nG1 X20 E600\nM83\nG1 X30 E400.0\n";
        var grams = FilamentWeight.Grams(new StringReader(gcode), 1.75, 1.24);
        Assert.Equal(1000 * Math.PI * 0.875 * 0.875 / 1000 * 1.24, grams, 6);
    }
}
