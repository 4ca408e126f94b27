namespace MakerShop.Core;

/// <summary>What sending one parcel from a maker's country to the customer costs (in the shop's currency, minor units) and takes.</summary>
public readonly record struct ShippingEstimate(long CostMinor, int Days, ShippingProximity Proximity)
{
    public bool CrossesCustoms => Proximity == ShippingProximity.CrossBorder;
}
