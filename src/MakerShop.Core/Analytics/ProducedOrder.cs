namespace MakerShop.Core;

/// <summary>An order whose last part was printed at <see cref="ProducedAt"/>, promised to ship by <see cref="ShipBy"/>.</summary>
public sealed record ProducedOrder(DateTimeOffset ProducedAt, DateTimeOffset ShipBy)
{
    public bool OnTime => ProducedAt <= ShipBy;
}
