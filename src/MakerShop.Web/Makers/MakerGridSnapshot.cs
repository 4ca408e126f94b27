namespace MakerShop.Web.Makers;

/// <summary>A maker's printer list as the live grid sends it (<see cref="Json"/>), and each printer's entry on its own.</summary>
public sealed record MakerGridSnapshot(string Json, IReadOnlyDictionary<string, string> PrinterJson);
