using MakerShop.Core;
using MakerShop.Web.Storefront.Currencies;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Storefront.Checkout;

/// <summary>
/// The landed price of a cart to a destination: goods, the chosen shipping, and the tax and duties the Core rules decide
/// for that border, all in the visitor's currency. The page and the order use this one computation.
/// </summary>
public sealed class CheckoutPricing(ShippingQuoter shipping, ExchangeRateProvider rates, IOptions<TaxOptions> tax, TimeProvider time)
{
    public CheckoutSummary Summarise(PricedCart cart, string? destinationCountry, string? destinationPostalCode, string? shippingChoice)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (string.IsNullOrEmpty(destinationCountry) || cart.IsEmpty)
        {
            return new CheckoutSummary(cart, null, [], null, null);
        }

        var choices = shipping.ChoicesFor(cart, destinationCountry);
        var chosen = choices.FirstOrDefault(c => string.Equals(c.Id, shippingChoice, StringComparison.Ordinal)) ?? (choices.Count > 0 ? choices[0] : null);
        if (chosen is null || cart.HasProblems)
        {
            return new CheckoutSummary(cart, destinationCountry, choices, chosen, null);
        }

        var exchange = rates.Current;
        var settings = tax.Value;
        var rules = new CheckoutTaxRules(settings.ToTable(), settings.ToProfile(), exchange.Convert);
        var question = new TaxQuestion(shipping.ShipFromCountry, destinationCountry, destinationPostalCode, cart.Goods, chosen.Price,
            cart.TariffLines, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        try
        {
            return new CheckoutSummary(cart, destinationCountry, choices, chosen, rules.Land(question));
        }
        catch (DomainException ex)
        {
            // A sale the shop may not make (Great Britain up to GBP 135 without UK VAT registration) is an answer, not a crash.
            return new CheckoutSummary(cart, destinationCountry, choices, chosen, null) { Refusal = ex.Message };
        }
    }
}
