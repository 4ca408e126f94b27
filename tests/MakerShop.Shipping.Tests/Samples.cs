using MakerShop.Core;
using MakerShop.Shipping.Carriers;

namespace MakerShop.Shipping.Tests;

/// <summary>A FR -> US shipment of two cable organisers with its declaration, as the shop would draft it.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly Address Workshop = new("MakerShop", "3 Rue des Imprimeurs", null, "Lyon", "69002", null, "FR");

    public static readonly Address Customer = new("Grace Hopper", "1 Navy Way", null, "Brooklyn", "11201", "NY", "US");

    public static readonly CustomsSettings Customs = new(350m, new Dictionary<string, decimal> { ["USD"] = 1.08m, ["GBP"] = 0.85m }, new DateOnly(2026, 3, 1),
        "IM2500000001", null, new Dictionary<string, string> { ["EU"] = "FR12345678901234" });

    public static CustomsLine Line(int quantity = 2) =>
        new("Desk cable organiser, 3D printed PLA plastic", quantity, 48.5, Money.FromMinor(1890, Currency.Eur), "FR", HsCode.Default, "cable-organiser");

    public static Shipment Shipment(string to = "US", int parcels = 1)
    {
        var list = Enumerable.Range(1, parcels).Select(n => new Parcel(n, 300, new Size3(254, 203.2, 101.6), [new ParcelItem(0, 2, 97)])).ToList();
        var customs = CustomsDeclarationRules.Declare("FR", to, [Line()], list, "INV-ord_1", new DateOnly(2026, 3, 2), Customs);
        return Core.Shipment.CreateDraft("shp-1", "ord_1", "FR", to, list, customs, T0);
    }

    public static LabelRequest Request(Shipment shipment) =>
        new(shipment, Workshop, Customer with { CountryCode = shipment.DestinationCountry }, "grace@example.com", "ord_1", "Ada Owner");
}
