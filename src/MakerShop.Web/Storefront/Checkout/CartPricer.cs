using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Quotes;
using MakerShop.Web.Shipping;
using MakerShop.Web.Storefront.Currencies;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Storefront.Checkout;

/// <summary>
/// Prices a cart from the catalog and the stored quotes, in the visitor's currency, at the rates in use now. Nothing the
/// visitor sends is a price: a quote in their currency keeps its quoted price, any other amount is converted once from
/// the shop's own price.
/// </summary>
public sealed class CartPricer(
    ProductStore products,
    QuoteService quotes,
    ProductionLoadStore load,
    ExchangeRateProvider rates,
    IOptions<ShippingOptions> shipping,
    IOptions<QuotingOptions> quoting,
    TimeProvider time)
{
    public async Task<PricedCart> PriceAsync(IReadOnlyList<CartItem> items, Currency currency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var now = time.GetUtcNow();
        var exchange = rates.Current;
        var backlog = await load.ReadAsync(cancellationToken);
        var lines = new List<PricedCartLine>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            lines.Add(item.IsQuote
                ? await QuoteLineAsync(i, item, currency, exchange, backlog, now, cancellationToken)
                : await ProductLineAsync(i, item, currency, exchange, backlog, now, cancellationToken));
        }

        return new PricedCart(currency, lines);
    }

    private async Task<PricedCartLine> ProductLineAsync(int index, CartItem item, Currency currency, ExchangeRates exchange, ProductionLoad backlog, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var product = await products.GetAsync(item.ItemId, cancellationToken);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (product is null)
        {
            return new PricedCartLine(index, item, item.ItemId, Money.Zero(currency), CartLineProblem.ProductMissing, 0, HsCode.Default, today, null);
        }

        var shipsBy = MadeToOrderLeadTime.ShipDate(backlog, product.EstimatedPrintTime, product.LeadTimeDays, now);
        var price = exchange.Convert(product.Price, currency);
        var grams = product.NetWeightGrams ?? shipping.Value.Packing.FallbackUnitGrams;
        var problem = product.FindMaterial(item.Material, item.Colour) is null ? CartLineProblem.VariantGone : (CartLineProblem?)null;
        return new PricedCartLine(index, item, product.Name, price, problem, grams, product.HsCode, shipsBy, null) { ShopUnitPrice = product.Price };
    }

    private async Task<PricedCartLine> QuoteLineAsync(int index, CartItem item, Currency currency, ExchangeRates exchange, ProductionLoad backlog, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var quote = await quotes.GetForOrderAsync(item.QuoteId!, cancellationToken);
        if (quote is null)
        {
            return new PricedCartLine(index, item, item.ItemId, Money.Zero(currency), CartLineProblem.QuoteMissing, 0, HsCode.Default, DateOnly.FromDateTime(now.UtcDateTime), null);
        }

        var shopPrice = quote.Document.Price.ShopPrice;
        var price = string.Equals(quote.Record.Currency, currency.Code, StringComparison.Ordinal)
            ? Money.FromMinor(quote.Record.PriceMinor, currency)
            : exchange.Convert(Money.FromMinor(shopPrice.MinorUnits, Currency.FromCode(shopPrice.Currency)), currency);
        // The price is frozen in the quote, the ship date is not: the queue has moved since, as for catalog products.
        var shipsBy = MadeToOrderLeadTime.ShipDate(backlog, TimeSpan.FromSeconds(Math.Max(0, quote.Slice.PrintSeconds)), quoting.Value.HandlingDays, now);
        // The colour comes from the visitor's cookie: one the quote page does not offer cannot be ordered.
        var problem = now >= quote.Record.ExpiresAt ? CartLineProblem.QuoteExpired
            : !QuoteColours.IsOffered(item.Colour) ? CartLineProblem.VariantGone
            : (CartLineProblem?)null;
        return new PricedCartLine(index, item with { Material = quote.Record.Material }, quote.Document.FileName, price, problem,
            Math.Max(1, quote.Slice.FilamentGrams), HsCode.Default, shipsBy, quote.Record.ExpiresAt)
        {
            ShopUnitPrice = Money.FromMinor(shopPrice.MinorUnits, Currency.FromCode(shopPrice.Currency)),
        };
    }
}
