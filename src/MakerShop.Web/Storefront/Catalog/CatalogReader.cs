using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Storefront.Currencies;

namespace MakerShop.Web.Storefront.Catalog;

/// <summary>Reads the catalog for a visitor: prices converted once to their currency, ship dates from the live backlog.</summary>
public sealed class CatalogReader(ProductStore products, ProductionLoadStore load, ExchangeRateProvider rates, TimeProvider time)
{
    public async Task<IReadOnlyList<CatalogItem>> ListAsync(Currency currency, CancellationToken cancellationToken)
    {
        var all = await products.ListAsync(cancellationToken);
        var backlog = await load.ReadAsync(cancellationToken);
        var now = time.GetUtcNow();
        var exchange = rates.Current;
        return [.. all.Select(p => Present(p, currency, backlog, exchange, now))];
    }

    public async Task<CatalogItem?> GetAsync(string id, Currency currency, CancellationToken cancellationToken)
    {
        var product = await products.GetAsync(id, cancellationToken);
        if (product is null)
        {
            return null;
        }

        var backlog = await load.ReadAsync(cancellationToken);
        return Present(product, currency, backlog, rates.Current, time.GetUtcNow());
    }

    private static CatalogItem Present(Product product, Currency currency, ProductionLoad backlog, EuroReferenceRates exchange, DateTimeOffset now) =>
        new(product,
            exchange.Convert(product.Price, currency),
            MadeToOrderLeadTime.ShipDate(backlog, product.EstimatedPrintTime, product.LeadTimeDays, now));
}
