namespace MakerShop.Core.Tests;

public sealed class OwnerRequeueTests
{
    private static PrintJob Failed(int attempt = 3, int maxAttempts = 3, string id = "job-1")
    {
        var job = Build.Job(id);
        return PrintJob.Restore(
            job.Id, job.OrderId, job.UnitIndex, job.ProductId, job.Material, job.Colour, job.PartSize, job.EstimatedPrintTime, job.GcodePath,
            job.GcodeSha256, job.GcodeSizeBytes, job.ShipBy, job.Express, attempt, maxAttempts, PrintJobStatus.Failed, "printer-1",
            job.QueuedAt, Build.T0, Build.T0.AddHours(1), "nozzle clogged", 0.4, Build.T0.AddHours(1), new JobDirectives("printer-2", false, 7));
    }

    [Fact]
    public void A_unit_that_failed_all_its_attempts_is_requeued_as_a_new_attempt_and_the_failed_one_is_kept()
    {
        var failed = Failed();

        var retry = OwnerRequeue.Requeue(Build.Order(status: OrderStatus.InProduction), failed, [failed], "job-2", Build.T0.AddHours(2));

        Assert.Equal(PrintJobStatus.Queued, retry.Status);
        Assert.Equal(4, retry.Attempt);
        Assert.Equal(4, retry.MaxAttempts);
        Assert.Equal(failed.UnitIndex, retry.UnitIndex);
        Assert.Equal("printer-2", retry.PinnedPrinterId);
        Assert.Equal(7, retry.Priority);
        Assert.Equal(PrintJobStatus.Failed, failed.Status);
        Assert.Equal("nozzle clogged", failed.FailureReason);
    }

    [Fact]
    public void A_unit_with_a_newer_attempt_waiting_or_printed_is_not_requeued_twice()
    {
        var failed = Failed(attempt: 1);
        var retry = failed.CreateRetry("job-2", Build.T0.AddHours(2));
        var order = Build.Order(status: OrderStatus.InProduction);

        var error = Assert.Throws<InvalidTransitionException>(() => OwnerRequeue.Requeue(order, failed, [failed, retry], "job-3", Build.T0.AddHours(3)));
        Assert.Contains("job-2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_of_a_cancelled_order_or_a_job_that_did_not_end_is_not_requeued()
    {
        var failed = Failed();
        Assert.Throws<InvalidTransitionException>(() => OwnerRequeue.Requeue(Build.Order(status: OrderStatus.Cancelled), failed, [failed], "job-2", Build.T0));

        var queued = Build.Job();
        Assert.Throws<InvalidTransitionException>(() => OwnerRequeue.Requeue(Build.Order(status: OrderStatus.Paid), queued, [queued], "job-2", Build.T0));
    }
}
