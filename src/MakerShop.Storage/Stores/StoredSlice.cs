namespace MakerShop.Storage.Stores;

/// <summary>A cached slice: the G-code (relative to the data folder) and what the slicer said it takes.</summary>
public sealed record StoredSlice(
    string SliceKey,
    string ModelSha256,
    string ProfileHash,
    string Material,
    string GcodePath,
    string GcodeSha256,
    long GcodeSize,
    long PrintSeconds,
    double FilamentGrams,
    double FilamentMm,
    long Layers,
    string? Slicer);
