namespace MakerShop.Web.Makers;

/// <summary>A maker's printer list as the live grid sends it, and the ids it holds.</summary>
public sealed record MakerGridSnapshot(string Json, IReadOnlySet<string> PrinterIds);
