using MakerShop.Core;

namespace MakerShop.Web.Materials;

/// <summary>Every spool, the owner's low-stock threshold and the spools under it.</summary>
public sealed record SpoolOverview(double LowStockGrams, IReadOnlyList<Spool> Spools, IReadOnlyList<Spool> Low);
