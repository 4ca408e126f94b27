using MakerShop.Core;
using MakerShop.Shipping.Rates;
using MakerShop.Web.Shipping;
using MakerShop.Web.Storefront.Currencies;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Storefront.Checkout;

/// <summary>
/// Shipping options for a cart: the parcels it will make (packed by the fulfilment rules from each part's weight) priced
/// by every configured rate table that serves the destination, cheapest first, converted to the visitor's currency.
/// </summary>
public sealed class ShippingQuoter(IOptions<ShippingOptions> options, ExchangeRateProvider rates)
{
    public string ShipFromCountry => options.Value.ShipFrom.CountryCode;

    public IReadOnlyList<ShippingChoice> ChoicesFor(PricedCart cart, string destinationCountry)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var lines = cart.Lines.Where(l => l.Problem is null).ToList();
        if (lines.Count == 0)
        {
            return [];
        }

        var settings = options.Value;
        var parcels = settings.Packing.ToRules().Pack([.. lines.Select((l, i) => (i, l.Item.Quantity, l.UnitGrams))]);
        var exchange = rates.Current;
        var choices = new List<ShippingChoice>();
        foreach (var table in settings.RateTables)
        {
            var divisor = settings.FindCarrier(table.Carrier)?.VolumetricDivisor ?? 5000;
            if (new RateTable(table, divisor).Quote(settings.ShipFrom.CountryCode, destinationCountry, parcels) is not { } quote)
            {
                continue;
            }

            var deliveryBy = cart.ShipsBy is { } ships && quote.EstimatedDays is { } days ? ships.AddDays(days) : (DateOnly?)null;
            choices.Add(new ShippingChoice(table.Carrier, quote.Service, exchange.Convert(quote.Amount, cart.Currency), quote.EstimatedDays, deliveryBy));
        }

        return [.. choices.OrderBy(c => c.Price.MinorUnits).ThenBy(c => c.TransitDays ?? int.MaxValue)];
    }
}
