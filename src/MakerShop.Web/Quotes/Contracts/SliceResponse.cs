namespace MakerShop.Web.Quotes.Contracts;

public sealed record SliceResponse(double PrintSeconds, double FilamentGrams, double FilamentMm, int Layers, string? Slicer, bool FromCache, string GcodeSha256);
