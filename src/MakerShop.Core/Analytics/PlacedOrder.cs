namespace MakerShop.Core;

/// <summary>An order as the sales chart counts it: when it was placed, its total, and whether its money counts yet.</summary>
public sealed record PlacedOrder(DateTimeOffset PlacedAt, Money Total, bool Earning);
