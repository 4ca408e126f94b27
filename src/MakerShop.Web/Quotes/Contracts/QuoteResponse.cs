namespace MakerShop.Web.Quotes.Contracts;

/// <remarks>
/// <see cref="PrinterModel"/> is the model the slice was made for (null only on quotes stored before quotes named
/// one); <see cref="FittingPrinters"/> lists every printer in service the part fits, of any model.
/// </remarks>
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
    DateTimeOffset ExpiresAt,
    PrinterModelResponse? PrinterModel = null);
