namespace MakerShop.Core;

/// <summary>
/// A label bought from a provider or a number the owner typed in: (carrier, tracking number) is the key, never the
/// number alone, because carriers recycle numbers.
/// </summary>
public sealed record ShippingLabel(
    string Provider,
    string Carrier,
    string TrackingNumber,
    string? ProviderShipmentId,
    string? ProviderTrackerId,
    string? LabelUrl,
    string? PublicTrackingUrl);
