namespace MakerShop.Core.Tests;

public sealed class OrderCancellationTests
{
    [Fact]
    public void Cancelling_drops_waiting_jobs_stops_running_ones_and_leaves_printed_units_alone()
    {
        var order = Build.Order(status: OrderStatus.InProduction);
        var queued = Build.JobIn(PrintJobStatus.Queued, "job-queued");
        var assigned = Build.JobIn(PrintJobStatus.Assigned, "job-assigned");
        var printing = Build.JobIn(PrintJobStatus.Printing, "job-printing");
        var done = Build.JobIn(PrintJobStatus.Completed, "job-done");

        var plan = OrderCancellation.Cancel(order, [queued, assigned, printing, done], Build.T0.AddHours(1));

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(["job-queued", "job-assigned", "job-printing"], plan.Cancelled.Select(j => j.Id));
        Assert.All(plan.Cancelled, j => Assert.Equal(PrintJobStatus.Cancelled, j.Status));
        Assert.Equal(PrintJobStatus.Completed, done.Status);
        Assert.Equal([("job-assigned", true), ("job-printing", false)], plan.StopOnPrinter.Select(s => (s.Job.Id, s.OnlyReserved)));
        Assert.All(plan.StopOnPrinter, s => Assert.Equal("printer-1", s.PrinterId));
    }

    [Fact]
    public void An_order_that_has_shipped_cannot_be_cancelled_and_its_jobs_are_untouched()
    {
        var order = Build.Order(status: OrderStatus.Shipped);
        var job = Build.JobIn(PrintJobStatus.Completed);

        Assert.Throws<InvalidTransitionException>(() => OrderCancellation.Cancel(order, [job], Build.T0));
        Assert.Equal(OrderStatus.Shipped, order.Status);
    }
}
