namespace MakerShop.Core;

/// <summary>A material and colour a waiting job needs and none of the printer's trays holds: what its maker should load.</summary>
public sealed record FilamentNeed(string Material, string Colour);
