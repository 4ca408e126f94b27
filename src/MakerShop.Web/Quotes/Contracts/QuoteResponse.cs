using MakerShop.Web.Api.Contracts;

namespace MakerShop.Web.Quotes.Contracts;

/// <summary>What POST and GET /api/quotes answer; also the document stored with the quote.</summary>
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

public sealed record ModelResponse(
    string Format,
    long Triangles,
    double VolumeMm3,
    double SurfaceAreaMm2,
    BuildVolumeResponse Size,
    int Shells,
    bool Closed,
    long OpenEdges,
    long NonManifoldEdges,
    long DegenerateTriangles,
    long InconsistentEdges);

public sealed record MaterialAvailabilityResponse(string Material, bool LoadedOnAFittingPrinter);

public sealed record SliceResponse(double PrintSeconds, double FilamentGrams, double FilamentMm, int Layers, string? Slicer, bool FromCache, string GcodeSha256);

public sealed record QuotePriceResponse(
    MoneyResponse UnitPrice,
    MoneyResponse ShopPrice,
    decimal ExchangeRate,
    MoneyResponse Setup,
    MoneyResponse Material,
    MoneyResponse Machine,
    MoneyResponse Margin,
    MoneyResponse MinimumTopUp);

public sealed record QuoteWarningResponse(string Code, string Message);
