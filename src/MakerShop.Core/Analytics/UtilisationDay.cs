namespace MakerShop.Core;

/// <summary>One day's share of printer-hours spent printing; null when the day had no printer-hours (no printers).</summary>
public sealed record UtilisationDay(DateOnly Day, double? Share);
