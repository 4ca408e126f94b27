namespace MakerShop.Storage.Stores;

/// <summary>An uploaded model file, content-addressed: the path is relative to the data folder.</summary>
public sealed record StoredModel(string Sha256, string Format, long SizeBytes, string RelativePath, long Triangles);
