namespace MakerShop.Core;

/// <summary>The catalog item a SKU stands for: a product in one material and colour.</summary>
public sealed record SkuTarget(string ProductId, string Material, string Colour);
