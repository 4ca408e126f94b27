using MakerShop.Printers.OctoPrint;

namespace MakerShop.Printers.Tests.OctoPrint;

/// <summary>When the shop asks a closed OctoPrint to connect: at once, after an error one poll later, then ever more rarely.</summary>
public sealed class OctoPrintLinkRepairTests
{
    [Fact]
    public void A_plain_offline_is_connected_at_the_first_poll_and_a_failing_connect_is_retried_ever_more_rarely()
    {
        var repair = new OctoPrintLinkRepair();

        var asks = Enumerable.Range(1, 20).Where(_ => repair.ShouldConnect("p", operational: false, OctoPrintLinkRepair.Offline)).ToList();

        Assert.Equal([1, 3, 7, 15], asks);
    }

    [Fact]
    public void Offline_after_error_is_left_alone_for_one_poll_so_the_error_is_reported_first()
    {
        var repair = new OctoPrintLinkRepair();

        var first = repair.ShouldConnect("p", operational: false, OctoPrintLinkRepair.Closed("Offline after error"));
        var second = repair.ShouldConnect("p", operational: false, OctoPrintLinkRepair.Closed("Offline after error"));

        Assert.Equal((false, true), (first, second));
    }

    [Fact]
    public void A_link_that_is_opening_is_not_interrupted_and_an_operational_printer_starts_afresh()
    {
        var repair = new OctoPrintLinkRepair();
        Assert.True(repair.ShouldConnect("p", operational: false, OctoPrintLinkRepair.Offline));

        var whileConnecting = repair.ShouldConnect("p", operational: false, OctoPrintLinkRepair.Closed("Detecting serial connection"));
        repair.ShouldConnect("p", operational: true, null);
        var afterItWorked = repair.ShouldConnect("p", operational: false, OctoPrintLinkRepair.Closed("Offline"));

        Assert.False(whileConnecting);
        Assert.True(afterItWorked);
        Assert.Null(OctoPrintLinkRepair.Closed("Operational"));
    }
}
