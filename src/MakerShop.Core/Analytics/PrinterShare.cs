namespace MakerShop.Core;

/// <summary>One printer's share of the window spent printing, and the hours that makes.</summary>
public sealed record PrinterShare(string PrinterId, double Share, double PrintingHours);
