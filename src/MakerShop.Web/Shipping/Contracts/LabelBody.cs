namespace MakerShop.Web.Shipping.Contracts;

/// <summary>
/// The owner's label request: either a carrier and the tracking number typed off the label (manual carrier), or a
/// provider ("easypost", "shippo") to buy from, with an optional rate id from GET rates (cheapest otherwise).
/// </summary>
public sealed record LabelBody(string? Carrier, string? TrackingNumber, bool AcceptUnverified, string? Provider, string? RateId);
