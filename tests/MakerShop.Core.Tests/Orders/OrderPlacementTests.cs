namespace MakerShop.Core.Tests;

public class OrderPlacementTests
{
    private static readonly DateTimeOffset T0 = Build.T0;

    [Fact]
    public void Placed_order_totals_its_lines_and_starts_Placed()
    {
        var order = Build.Order(lines: [Build.Line(quantity: 3), Build.Line(quantity: 1, unitPrice: Money.FromMinor(499, Currency.Eur))]);

        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Equal(Money.FromMinor(3 * 1250 + 499, Currency.Eur), order.Total);
        Assert.Equal(4, order.UnitCount);
        Assert.Equal(T0, order.UpdatedAt);
        Assert.True(order.IsOpen);
    }

    public static TheoryData<string, Func<Order>> InvalidOrders => new()
    {
        { "lines", () => Place(lines: []) },
        { "lines[0].quantity", () => Place(lines: [Build.Line(quantity: 0)]) },
        { "lines[1].quantity", () => Place(lines: [Build.Line(), Build.Line(quantity: 1001)]) },
        { "lines[0].unitPrice", () => Place(lines: [Build.Line(unitPrice: Money.FromMinor(100, Currency.Usd))]) },
        { "lines[0].unitPrice", () => Place(lines: [Build.Line(unitPrice: Money.FromMinor(-1, Currency.Eur))]) },
        { "lines[0].unitPrice", () => Place(lines: [Build.Line(unitPrice: default(Money))]) },
        { "lines[0].material", () => Place(lines: [Build.Line(material: " ")]) },
        { "customer.name", () => Place(name: " ") },
        { "customer.email", () => Place(email: "ada.example.com") },
        { "customer.email", () => Place(email: "ada@") },
        { "shippingAddress.city", () => Place(address: Build.Address(city: "")) },
        { "shippingAddress.countryCode", () => Place(address: Build.Address(countryCode: "de")) },
        { "shippingAddress.countryCode", () => Place(address: Build.Address(countryCode: "DEU")) },
        { "shippingAddress", () => Place(nullAddress: true) },
        { "shipBy", () => Place(shipBy: T0) },
    };

    [Theory]
    [MemberData(nameof(InvalidOrders))]
    public void Invalid_order_is_refused_naming_the_field(string field, Func<Order> place)
    {
        var ex = Assert.Throws<DomainValidationException>(place);

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void Order_keeps_its_own_copy_of_the_lines()
    {
        var lines = new List<OrderLine> { Build.Line() };
        var order = Place(lines: lines);

        lines.Add(Build.Line(quantity: 5));

        Assert.Single(order.Lines);
    }

    [Fact]
    public void Line_total_is_unit_price_times_quantity() =>
        Assert.Equal(Money.FromMinor(3750, Currency.Eur), Build.Line(quantity: 3).LineTotal);

    private static Order Place(
        IReadOnlyList<OrderLine>? lines = null,
        string name = "Ada Lovelace",
        string email = "ada@example.com",
        Address? address = null,
        DateTimeOffset? shipBy = null,
        bool nullAddress = false) =>
        Order.Place(
            "ord_1", name, email, nullAddress ? null! : address ?? Build.Address(), Currency.Eur, lines ?? [Build.Line()],
            express: false, T0, shipBy ?? T0.AddDays(3));
}
