using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Api.Contracts;

namespace MakerShop.Web.Shipping.Contracts;

/// <summary>A shipment as the API shows it: status (with the provider's own words), parcels, customs and the tracking timeline.</summary>
public sealed record ShipmentResponse(
    string Id,
    string OrderId,
    string Status,
    string OriginCountry,
    string DestinationCountry,
    string? Provider,
    string? Carrier,
    string? TrackingNumber,
    string? TrackingUrl,
    string? LabelUrl,
    string? TrackingStatus,
    string? RawStatus,
    string? RawStatusDetail,
    DateTimeOffset? DeliveredAt,
    IReadOnlyList<ParcelResponse> Parcels,
    CustomsResponse? Customs,
    IReadOnlyList<TrackingEventResponse> Tracking)
{
    public static ShipmentResponse From(Shipment shipment, IReadOnlyList<ShipmentEventRecord> events) => new(
        shipment.Id,
        shipment.OrderId,
        shipment.Status.ToString(),
        shipment.OriginCountry,
        shipment.DestinationCountry,
        shipment.Label?.Provider,
        shipment.Label?.Carrier,
        shipment.Label?.TrackingNumber,
        shipment.Label?.PublicTrackingUrl,
        shipment.Label?.LabelUrl,
        shipment.TrackingStatus?.ToString(),
        shipment.RawStatus,
        shipment.RawStatusDetail,
        shipment.DeliveredAt,
        [.. shipment.Parcels.Select(p => new ParcelResponse(p.Number, p.WeightGrams, p.Dimensions.X, p.Dimensions.Y, p.Dimensions.Z, p.Items.Sum(i => i.Quantity)))],
        shipment.Customs is { } c ? CustomsResponse.From(c) : null,
        [.. events.Select(e => new TrackingEventResponse(e.OccurredAt, e.OccurredAtRaw, e.RawStatus, e.Message, e.Location, e.Provider))]);
}

public sealed record ParcelResponse(int Number, double WeightGrams, double LengthMm, double WidthMm, double HeightMm, int Units);

/// <summary>The declaration; the IOSS number is only said to be present, never shown (it must not leak).</summary>
public sealed record CustomsResponse(string Form, string Incoterm, string ContentsType, MoneyResponse TotalValue, double TotalNetWeightGrams, bool Ioss, string? Eori, string InvoiceNumber, IReadOnlyList<CustomsLineResponse> Lines, IReadOnlyList<string> Notes)
{
    public static CustomsResponse From(CustomsDeclaration c) => new(
        c.Form.ToString(), c.Incoterm.ToString(), c.ContentsType, MoneyResponse.From(c.TotalValue), c.TotalNetWeightGrams, c.IossNumber is not null, c.EoriNumber, c.InvoiceNumber,
        [.. c.Lines.Select(l => new CustomsLineResponse(l.Description, l.Quantity, l.UnitNetWeightGrams, l.LineNetWeightGrams, MoneyResponse.From(l.UnitValue), MoneyResponse.From(l.LineValue), l.OriginCountry, HsCode.Display(l.HsCode)))],
        c.Notes.Where(n => !n.StartsWith("IOSS", StringComparison.Ordinal)).ToList());
}

public sealed record CustomsLineResponse(string Description, int Quantity, double UnitNetWeightGrams, double LineNetWeightGrams, MoneyResponse UnitValue, MoneyResponse LineValue, string OriginCountry, string HsCode);

/// <summary>A scan; <see cref="At"/> is null when the provider gave a local time without offset (kept in <see cref="AtRaw"/>).</summary>
public sealed record TrackingEventResponse(DateTimeOffset? At, string AtRaw, string Status, string? Message, string? Location, string Provider);
