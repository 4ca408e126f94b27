using MakerShop.Core;

namespace MakerShop.Shipping.Carriers;

/// <summary>
/// One carrier the shop ships with, from <c>MakerShop:Shipping:Carriers</c>. <see cref="Provider"/> says how labels are
/// made: "manual" (the owner types the number, checked against <see cref="TrackingFormat"/>), "easypost" or "shippo".
/// </summary>
public sealed class CarrierOptions
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Provider { get; set; } = "manual";

    /// <summary>The check the owner's typed tracking number must pass; null for a carrier with no published check digit.</summary>
    public TrackingNumberFormat? TrackingFormat { get; set; }

    /// <summary>cm³ per kg: 5000 for express couriers, 6000 for most postal services.</summary>
    public int VolumetricDivisor { get; set; } = 5000;

    /// <summary>The carrier's name at the provider (EasyPost "UPS", Shippo "usps", AfterShip "ups").</summary>
    public string? ProviderCarrier { get; set; }

    /// <summary>Public tracking page with {0} for the number.</summary>
    public string? TrackingUrlTemplate { get; set; }
}
