namespace MakerShop.Web.Production;

/// <summary>The result of placing an order: the new order, the one an earlier retry stored, or a reused key.</summary>
public abstract record PlaceOrderOutcome
{
    public sealed record Created(string OrderId) : PlaceOrderOutcome;

    public sealed record Replayed(string OrderId) : PlaceOrderOutcome;

    public sealed record KeyReused(string OrderId) : PlaceOrderOutcome;
}
