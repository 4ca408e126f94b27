using System.Text.Json;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>The JSON shapes of a shipment's parcels and customs snapshot: plain values, amounts in minor units.</summary>
internal static class ShipmentJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string WriteParcels(IReadOnlyList<Parcel> parcels) =>
        JsonSerializer.Serialize(parcels.Select(p => new ParcelDto(p.Number, p.WeightGrams, p.Dimensions.X, p.Dimensions.Y, p.Dimensions.Z,
            [.. p.Items.Select(i => new ItemDto(i.LineIndex, i.Quantity, i.NetWeightGrams))])), Options);

    public static IReadOnlyList<Parcel> ReadParcels(string json) =>
        [.. (JsonSerializer.Deserialize<List<ParcelDto>>(json, Options) ?? [])
            .Select(p => new Parcel(p.Number, p.WeightGrams, new Size3(p.X, p.Y, p.Z), [.. p.Items.Select(i => new ParcelItem(i.LineIndex, i.Quantity, i.NetWeightGrams))]))];

    public static string WriteCustoms(CustomsDeclaration c) => JsonSerializer.Serialize(new CustomsDto(
        c.Form.ToString(), c.Incoterm.ToString(), c.ContentsType, c.OriginCountry, c.DestinationCountry,
        [.. c.Lines.Select(l => new LineDto(l.Description, l.Quantity, l.UnitNetWeightGrams, l.UnitValue.MinorUnits, l.UnitValue.Currency.Code, l.OriginCountry, l.HsCode, l.Sku))],
        c.IossNumber, c.EoriNumber, c.InvoiceNumber, c.DeclaredOn.ToString("O", System.Globalization.CultureInfo.InvariantCulture), [.. c.Notes]), Options);

    public static CustomsDeclaration ReadCustoms(string json)
    {
        var c = JsonSerializer.Deserialize<CustomsDto>(json, Options) ?? throw new JsonException("Empty customs snapshot.");
        return new CustomsDeclaration(
            Enum.Parse<CustomsForm>(c.Form), Enum.Parse<Incoterm>(c.Incoterm), c.ContentsType, c.OriginCountry, c.DestinationCountry,
            [.. c.Lines.Select(l => new CustomsLine(l.Description, l.Quantity, l.UnitNetWeightGrams, Money.FromMinor(l.UnitValueMinor, Currency.FromCode(l.Currency)), l.OriginCountry, l.HsCode, l.Sku))],
            c.IossNumber, c.EoriNumber, c.InvoiceNumber, DateOnly.Parse(c.DeclaredOn, System.Globalization.CultureInfo.InvariantCulture), c.Notes);
    }

    private sealed record ItemDto(int LineIndex, int Quantity, double NetWeightGrams);

    private sealed record ParcelDto(int Number, double WeightGrams, double X, double Y, double Z, List<ItemDto> Items);

    private sealed record LineDto(string Description, int Quantity, double UnitNetWeightGrams, long UnitValueMinor, string Currency, string OriginCountry, string HsCode, string Sku);

    private sealed record CustomsDto(string Form, string Incoterm, string ContentsType, string OriginCountry, string DestinationCountry, List<LineDto> Lines,
        string? IossNumber, string? EoriNumber, string InvoiceNumber, string DeclaredOn, List<string> Notes);
}
