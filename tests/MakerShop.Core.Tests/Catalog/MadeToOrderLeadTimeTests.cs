using MakerShop.Core;

namespace MakerShop.Core.Tests.Catalog;

public class MadeToOrderLeadTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_idle_farm_ships_after_the_product_minimum()
    {
        var date = MadeToOrderLeadTime.ShipDate(new ProductionLoad(TimeSpan.Zero, 4), TimeSpan.FromHours(2), 2, Now);
        Assert.Equal(new DateOnly(2026, 11, 29), date);
    }

    [Fact]
    public void A_long_queue_pushes_the_ship_date_past_the_minimum()
    {
        // 400 hours of backlog over 4 printers is 100 hours of waiting, then 2 hours of printing and a day of handling.
        var date = MadeToOrderLeadTime.ShipDate(new ProductionLoad(TimeSpan.FromHours(400), 4), TimeSpan.FromHours(2), 2, Now);
        Assert.Equal(new DateOnly(2026, 12, 2), date);
    }

    [Fact]
    public void More_printers_bring_the_date_forward()
    {
        var few = MadeToOrderLeadTime.ShipDate(new ProductionLoad(TimeSpan.FromHours(400), 2), TimeSpan.FromHours(2), 1, Now);
        var many = MadeToOrderLeadTime.ShipDate(new ProductionLoad(TimeSpan.FromHours(400), 20), TimeSpan.FromHours(2), 1, Now);
        Assert.True(many < few);
    }

    [Fact]
    public void Without_a_printer_in_service_the_minimum_is_all_that_is_promised()
    {
        var date = MadeToOrderLeadTime.ShipDate(new ProductionLoad(TimeSpan.FromHours(10), 0), TimeSpan.FromHours(2), 5, Now);
        Assert.Equal(new DateOnly(2026, 12, 2), date);
    }
}
