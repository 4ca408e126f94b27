namespace MakerShop.Storage.Stores;

/// <summary>One row of the owner's product list.</summary>
public sealed record CatalogEntry
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public long PriceMinor { get; init; }
    public string Currency { get; init; } = "";
    public string HsCode { get; init; } = "";
    public long LeadTimeDays { get; init; }
    public long RetiredFlag { get; init; }
    public long Variants { get; init; }

    public bool Retired => RetiredFlag != 0;
}
