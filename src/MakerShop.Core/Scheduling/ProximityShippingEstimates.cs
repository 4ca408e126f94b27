namespace MakerShop.Core;

/// <summary>Shipping estimates by customs proximity alone: one cost and transit time for each of domestic, same territory and cross-border.</summary>
public sealed class ProximityShippingEstimates(ShippingEstimate domestic, ShippingEstimate sameTerritory, ShippingEstimate crossBorder) : IShippingEstimates
{
    /// <summary>Typical small-parcel figures for a European shop (EUR cents).</summary>
    public static ProximityShippingEstimates Typical { get; } = new(
        new ShippingEstimate(590, 2, ShippingProximity.Domestic),
        new ShippingEstimate(990, 4, ShippingProximity.SameCustomsTerritory),
        new ShippingEstimate(2490, 7, ShippingProximity.CrossBorder));

    public ShippingEstimate Estimate(string fromCountry, string toCountry) =>
        CustomsTerritory.ProximityOf(fromCountry, toCountry) switch
        {
            ShippingProximity.Domestic => domestic,
            ShippingProximity.SameCustomsTerritory => sameTerritory,
            _ => crossBorder,
        };
}
