namespace MakerShop.Web.Quotes.Contracts;

public sealed record QuoteResponse(
    string Id,
    string FileName,
    string ModelSha256,
    ModelResponse Model,
    string Material,
    IReadOnlyList<MaterialAvailabilityResponse> PossibleMaterials,
    SliceResponse Slice,
    QuotePriceResponse Price,
    bool Fits,
    IReadOnlyList<string> FittingPrinters,
    IReadOnlyList<QuoteWarningResponse> Warnings,
    DateOnly EstimatedShipDate,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);
