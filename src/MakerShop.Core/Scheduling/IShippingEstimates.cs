namespace MakerShop.Core;

/// <summary>
/// A parcel's cost and transit time from one country to another. The scheduler only asks; the answer comes from the
/// shipping zone tables (or, until they exist, <see cref="ProximityShippingEstimates"/>).
/// </summary>
public interface IShippingEstimates
{
    ShippingEstimate Estimate(string fromCountry, string toCountry);
}
