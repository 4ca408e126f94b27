using MakerShop.Core;
using MakerShop.Web.Storefront.Currencies;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Storefront.Checkout;

/// <summary>
/// The landed price of a cart to a destination: goods, the chosen shipping, and the tax and duties the Core rules decide
/// for that border, all in the visitor's currency. The page and the order use this one computation.
/// </summary>
public sealed class CheckoutPricing(ShippingQuoter shipping, ExchangeRateProvider rates, IOptions<TaxOptions> tax, TimeProvider time, ILogger<CheckoutPricing> logger)
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
        // Thresholds are tested on the goods converted once, from the shop's own prices, not on the visitor's converted ones.
        var shopGoods = cart.ShopGoods;
        var visitorGoods = cart.Goods;
        Money Convert(Money amount, Currency to) =>
            shopGoods is { } original && amount == visitorGoods ? exchange.Convert(original, to) : exchange.Convert(amount, to);
        var rules = new CheckoutTaxRules(settings.ToTable(), settings.ToProfile(), Convert);
        var question = new TaxQuestion(shipping.ShipFromCountry, destinationCountry, destinationPostalCode, cart.Goods, chosen.Price,
            cart.TariffLines, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        try
        {
            return new CheckoutSummary(cart, destinationCountry, choices, chosen, rules.Land(question));
        }
        catch (DomainValidationException ex) when (ex.Field == "shippingAddress.countryCode")
        {
            // A sale the shop may not make (Great Britain up to GBP 135 without UK VAT registration) is an answer, not a crash.
            logger.LogInformation("Checkout to {Country} refused by the tax rules: {Reason}", destinationCountry, ex.Message);
            return new CheckoutSummary(cart, destinationCountry, choices, chosen, null) { Refusal = ex.Message };
        }
        catch (DomainException ex)
        {
            // Anything else (no VAT rate configured for the country and date) is the shop's configuration, not the customer's.
            logger.LogError(ex, "Checkout to {Country} cannot be taxed: the tax configuration is incomplete", destinationCountry);
            return new CheckoutSummary(cart, destinationCountry, choices, chosen, null) { Refusal = ex.Message, ConfigurationError = true };
        }
    }
}
