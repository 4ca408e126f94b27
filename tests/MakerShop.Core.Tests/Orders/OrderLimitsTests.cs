namespace MakerShop.Core.Tests;

public class OrderLimitsTests
{
    private static readonly OrderLimits Limits = new(MaxLines: 3, MaxQuantityPerLine: 5, MaxUnits: 8);

    [Fact]
    public void An_order_at_every_limit_is_placed()
    {
        var order = Place([Build.Line(quantity: 5), Build.Line(quantity: 2), Build.Line(quantity: 1)]);

        Assert.Equal(8, order.UnitCount);
    }

    public static TheoryData<string, OrderLine[]> OversizedOrders => new()
    {
        { "lines", [Build.Line(), Build.Line(), Build.Line(), Build.Line()] },
        { "lines[1].quantity", [Build.Line(), Build.Line(quantity: 6)] },
        { "lines", [Build.Line(quantity: 5), Build.Line(quantity: 4)] },
    };

    [Theory]
    [MemberData(nameof(OversizedOrders))]
    public void An_order_over_a_limit_is_refused_naming_the_field_and_the_limit(string field, OrderLine[] lines)
    {
        var ex = Assert.Throws<DomainValidationException>(() => Place(lines));

        Assert.Equal(field, ex.Field);
        Assert.Contains("contact the shop", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_configured_limits_the_shipped_defaults_apply()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Order.Place(
            "ord_1", "Ada", "ada@example.com", Build.Address(), Currency.Eur,
            [.. Enumerable.Range(0, 3).Select(_ => Build.Line(quantity: OrderLimits.Default.MaxQuantityPerLine))], express: false, Build.T0, Build.T0.AddDays(3)));

        Assert.Equal("lines", ex.Field);
        Assert.Contains($"at most {OrderLimits.Default.MaxUnits} parts", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 1, 0)]
    public void Limits_below_one_are_refused(int lines, int quantity, int units) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderLimits(lines, quantity, units).Validated());

    private static Order Place(IReadOnlyList<OrderLine> lines) =>
        Order.Place("ord_1", "Ada", "ada@example.com", Build.Address(), Currency.Eur, lines, express: false, Build.T0, Build.T0.AddDays(3), limits: Limits);
}
