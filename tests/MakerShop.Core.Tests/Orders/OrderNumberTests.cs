using MakerShop.Core;

namespace MakerShop.Core.Tests.Orders;

public sealed class OrderNumberTests
{
    [Fact]
    public void A_number_reads_as_prefix_dash_digits()
    {
        Assert.Equal("MS-1042", OrderNumber.Create("MS", 1042).ToString());
    }

    [Theory]
    [InlineData("MS-1042")]
    [InlineData("ms-1042")]
    [InlineData(" MS 1042 ")]
    [InlineData("MS1042")]
    [InlineData("#1042")]
    [InlineData("1042")]
    public void What_people_type_for_an_order_parses_to_its_number(string typed)
    {
        Assert.True(OrderNumber.TryParse(typed, "MS", out var number));
        Assert.Equal(1042, number.Value);
        Assert.Equal("MS-1042", number.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("MS-")]
    [InlineData("MS-0")]
    [InlineData("XY-1042")]
    [InlineData("ord_0192a")]
    [InlineData("MS-10x2")]
    [InlineData("MS-1234567890")]
    [InlineData("MS--1042-")]
    [InlineData("-1042")]
    public void Text_that_is_not_one_of_this_shops_numbers_is_refused(string? typed)
    {
        Assert.False(OrderNumber.TryParse(typed, "MS", out var number));
        Assert.Null(number);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ms")]
    [InlineData("M S")]
    [InlineData("TOOLONG")]
    [InlineData("M1")]
    public void A_prefix_is_one_to_six_capital_letters(string prefix)
    {
        Assert.False(OrderNumber.IsValidPrefix(prefix));
        Assert.Throws<DomainValidationException>(() => OrderNumber.Create(prefix, 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(OrderNumber.MaxValue + 1)]
    public void A_number_outside_one_to_the_maximum_is_refused(long value)
    {
        Assert.Throws<DomainValidationException>(() => OrderNumber.Create("MS", value));
    }

    [Fact]
    public void An_order_gets_its_number_once()
    {
        var order = Build.Order();
        Assert.Null(order.Number);

        order.AssignNumber(1001);

        Assert.Equal(1001, order.Number);
        Assert.Throws<InvalidOperationException>(() => order.AssignNumber(1002));
        Assert.Equal(1001, order.Number);
    }

    [Fact]
    public void An_order_number_must_be_positive()
    {
        var order = Build.Order();
        Assert.Throws<DomainValidationException>(() => order.AssignNumber(0));
        Assert.Null(order.Number);
    }
}
