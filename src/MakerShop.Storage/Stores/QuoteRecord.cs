namespace MakerShop.Storage.Stores;

/// <summary>
/// A stored quote: the columns an order needs, and the whole quote as the API showed it (a JSON document written
/// by the host), so a quote reads back exactly as it was given.
/// </summary>
public sealed record QuoteRecord(
    string Id,
    string ModelSha256,
    string SliceKey,
    string Material,
    string Currency,
    long PriceMinor,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string Document);
