using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Storefront.Currencies;

namespace MakerShop.Web.Storefront.Catalog;

/// <summary>Reads the catalog for a visitor: prices converted once to their currency, ship dates from the live backlog.</summary>
public sealed class CatalogReader(ProductStore products, ProductionLoadStore load, ExchangeRateProvider rates, TimeProvider time)
{
    public const int PageSize = 24;

    /// <summary>One page of the catalog (1-based), read from the database a page at a time; a page past the end is the last page.</summary>
    public async Task<CatalogPage> PageAsync(int page, Currency currency, CancellationToken cancellationToken)
    {
        var current = Math.Max(1, page);
        var (slice, total) = await products.ListPageAsync((current - 1) * PageSize, PageSize, cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (current > pages)
        {
            current = pages;
            (slice, total) = await products.ListPageAsync((current - 1) * PageSize, PageSize, cancellationToken);
        }

        var backlog = await load.ReadAsync(cancellationToken);
        var now = time.GetUtcNow();
        var exchange = rates.Current;
        return new CatalogPage([.. slice.Select(p => Present(p, currency, backlog, exchange, now))], current, pages, total);
    }

    public async Task<CatalogItem?> GetAsync(string id, Currency currency, CancellationToken cancellationToken)
    {
        var product = await products.GetAsync(id, cancellationToken);
        if (product is null || product.Retired)
        {
            return null;
        }

        var backlog = await load.ReadAsync(cancellationToken);
        return Present(product, currency, backlog, rates.Current, time.GetUtcNow());
    }

    private static CatalogItem Present(Product product, Currency currency, ProductionLoad backlog, ExchangeRates exchange, DateTimeOffset now) =>
        new(product,
            exchange.Convert(product.Price, currency),
            MadeToOrderLeadTime.ShipDate(backlog, product.EstimatedPrintTime, product.LeadTimeDays, now));
}
