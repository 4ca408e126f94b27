namespace MakerShop.Core;

/// <summary>One UTC day: orders placed, and the revenue of the paid ones in the report's currency.</summary>
public sealed record DaySales(DateOnly Day, int Orders, Money Revenue);
