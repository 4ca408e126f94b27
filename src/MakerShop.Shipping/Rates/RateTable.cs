using MakerShop.Core;
using MakerShop.Shipping.Carriers;

namespace MakerShop.Shipping.Rates;

/// <summary>
/// Prices a shipment from a configured table: each parcel is charged by its chargeable weight (the greater of real
/// and volumetric, with the carrier's divisor) in its destination zone, and the parcels add up.
/// </summary>
public sealed class RateTable(RateTableOptions options, int volumetricDivisor)
{
    public string Carrier => options.Carrier;

    public string? ZoneOf(string origin, string destination)
    {
        foreach (var zone in options.Zones)
        {
            foreach (var entry in zone.Countries)
            {
                var matches = entry switch
                {
                    "*" => true,
                    "DOMESTIC" => origin == destination,
                    "EU" => CustomsTerritory.Of(destination) == CustomsTerritory.EuropeanUnion,
                    _ => entry == destination,
                };
                if (matches)
                {
                    return zone.Name;
                }
            }
        }

        return null;
    }

    /// <summary>The price, or null when the destination has no zone or a parcel is heavier than the last bracket.</summary>
    public RateQuote? Quote(Shipment shipment)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        return Quote(shipment.OriginCountry, shipment.DestinationCountry, shipment.Parcels);
    }

    /// <summary>The price of parcels not yet shipped (checkout prices the parcels an order will make).</summary>
    public RateQuote? Quote(string originCountry, string destinationCountry, IReadOnlyList<Parcel> parcels)
    {
        ArgumentNullException.ThrowIfNull(parcels);
        var zone = ZoneOf(originCountry, destinationCountry);
        if (zone is null)
        {
            return null;
        }

        var currency = Currency.FromCode(options.Currency);
        var total = Money.Zero(currency);
        foreach (var parcel in parcels)
        {
            var grams = parcel.ChargeableWeightGrams(volumetricDivisor);
            var bracket = options.Brackets.OrderBy(b => b.MaxGrams).FirstOrDefault(b => grams <= b.MaxGrams);
            if (bracket is null || !bracket.Prices.TryGetValue(zone, out var price))
            {
                return null;
            }

            total += Money.FromDecimal(price, currency, MidpointRounding.AwayFromZero);
        }

        return new RateQuote("rate-table", options.Carrier, $"{options.Service} ({zone})", total,
            options.EstimatedDays.TryGetValue(zone, out var days) ? days : null, null);
    }
}
