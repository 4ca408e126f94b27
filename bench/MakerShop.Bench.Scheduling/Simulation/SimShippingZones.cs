using MakerShop.Core;

namespace MakerShop.Bench.Scheduling.Simulation;

/// <summary>
/// The simulation's shipping zone table (EUR cents, transit days): domestic, inside one customs territory, across a
/// border within Europe, and intercontinental. A stand-in for the real rate tables in config/, asked the same way.
/// </summary>
public sealed class SimShippingZones : IShippingEstimates
{
    private static readonly HashSet<string> Europe =
    [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GB", "CH", "LI", "NO", "IS",
    ];

    public ShippingEstimate Estimate(string fromCountry, string toCountry) =>
        CustomsTerritory.ProximityOf(fromCountry, toCountry) switch
        {
            ShippingProximity.Domestic => new ShippingEstimate(590, 2, ShippingProximity.Domestic),
            ShippingProximity.SameCustomsTerritory => new ShippingEstimate(990, 3, ShippingProximity.SameCustomsTerritory),
            _ when Europe.Contains(fromCountry) && Europe.Contains(toCountry) => new ShippingEstimate(1690, 5, ShippingProximity.CrossBorder),
            _ => new ShippingEstimate(2990, 8, ShippingProximity.CrossBorder),
        };
}
