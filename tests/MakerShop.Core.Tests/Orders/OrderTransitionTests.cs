namespace MakerShop.Core.Tests;

public class OrderTransitionTests
{
    private static readonly DateTimeOffset At = Build.T0.AddHours(1);

    public static TheoryData<OrderStatus, Action<Order, DateTimeOffset>, OrderStatus> LegalMoves => new()
    {
        { OrderStatus.Placed, (o, at) => o.MarkPaid(at), OrderStatus.Paid },
        { OrderStatus.Paid, (o, at) => o.StartProduction(at), OrderStatus.InProduction },
        { OrderStatus.InProduction, (o, at) => o.MarkProduced(at), OrderStatus.Produced },
        { OrderStatus.Produced, (o, at) => o.MarkShipped(at), OrderStatus.Shipped },
        { OrderStatus.Shipped, (o, at) => o.MarkDelivered(at), OrderStatus.Delivered },
        { OrderStatus.Placed, (o, at) => o.Cancel(at), OrderStatus.Cancelled },
        { OrderStatus.Paid, (o, at) => o.Cancel(at), OrderStatus.Cancelled },
        { OrderStatus.InProduction, (o, at) => o.Cancel(at), OrderStatus.Cancelled },
        { OrderStatus.Paid, (o, at) => o.Refund(at), OrderStatus.Refunded },
        { OrderStatus.InProduction, (o, at) => o.Refund(at), OrderStatus.Refunded },
        { OrderStatus.Produced, (o, at) => o.Refund(at), OrderStatus.Refunded },
        { OrderStatus.Cancelled, (o, at) => o.Refund(at), OrderStatus.Refunded },
    };

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void Legal_order_move_changes_status_and_timestamp(OrderStatus from, Action<Order, DateTimeOffset> move, OrderStatus to)
    {
        var order = Build.Order(status: from);
        Assert.True(order.CanTransitionTo(to));

        move(order, At);

        Assert.Equal(to, order.Status);
        Assert.Equal(At, order.UpdatedAt);
    }

    public static TheoryData<OrderStatus, Action<Order, DateTimeOffset>, OrderStatus> IllegalMoves => new()
    {
        { OrderStatus.Placed, (o, at) => o.MarkProduced(at), OrderStatus.Produced },
        { OrderStatus.Paid, (o, at) => o.MarkProduced(at), OrderStatus.Produced },
        { OrderStatus.Placed, (o, at) => o.StartProduction(at), OrderStatus.InProduction },
        { OrderStatus.Paid, (o, at) => o.MarkPaid(at), OrderStatus.Paid },
        { OrderStatus.Produced, (o, at) => o.MarkDelivered(at), OrderStatus.Delivered },
        { OrderStatus.Produced, (o, at) => o.Cancel(at), OrderStatus.Cancelled },
        { OrderStatus.Shipped, (o, at) => o.Cancel(at), OrderStatus.Cancelled },
        { OrderStatus.Placed, (o, at) => o.Refund(at), OrderStatus.Refunded },
        { OrderStatus.Delivered, (o, at) => o.Refund(at), OrderStatus.Refunded },
        { OrderStatus.Refunded, (o, at) => o.Refund(at), OrderStatus.Refunded },
        { OrderStatus.Cancelled, (o, at) => o.MarkPaid(at), OrderStatus.Paid },
    };

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Illegal_order_move_is_refused_naming_entity_id_and_states(
        OrderStatus from, Action<Order, DateTimeOffset> move, OrderStatus to)
    {
        var order = Build.Order(id: "ord_123", status: from);
        Assert.False(order.CanTransitionTo(to));

        var ex = Assert.Throws<InvalidTransitionException>(() => move(order, At));

        Assert.Equal(("Order", "ord_123", from.ToString(), to.ToString()), (ex.Entity, ex.Id, ex.From, ex.To));
        Assert.Equal($"Order ord_123 cannot move from {from} to {to}.", ex.Message);
        Assert.Equal(from, order.Status);
        Assert.Equal(Build.T0, order.UpdatedAt);
    }

    [Fact]
    public void Order_walks_the_happy_path_from_placed_to_delivered()
    {
        var order = Build.Order();

        order.MarkPaid(At);
        order.StartProduction(At);
        order.MarkProduced(At);
        order.MarkShipped(At);
        order.MarkDelivered(At);

        Assert.Equal(OrderStatus.Delivered, order.Status);
        Assert.False(order.IsOpen);
        Assert.DoesNotContain(OrderStatus.Delivered, Order.OpenStates);
    }
}
