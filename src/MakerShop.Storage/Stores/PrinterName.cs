namespace MakerShop.Storage.Stores;

/// <summary>A printer as a chart's table names it.</summary>
public sealed record PrinterName(string Id, string Name);
