namespace MakerShop.Core;

/// <summary>A G-code file the shop keeps: the path is relative to the data folder, the hash is what bridges verify.</summary>
public sealed record StoredGcode(string RelativePath, string Sha256, long SizeBytes);
