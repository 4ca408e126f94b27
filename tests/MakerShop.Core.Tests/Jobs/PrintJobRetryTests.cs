namespace MakerShop.Core.Tests;

public class PrintJobRetryTests
{
    private static readonly DateTimeOffset At = Build.T0.AddHours(3);

    [Fact]
    public void Retry_is_a_new_queued_job_for_the_same_unit_with_the_next_attempt()
    {
        var failed = Build.Job(express: true);
        failed.Assign("printer-1", Build.T0);
        failed.Fail("spaghetti", Build.T0.AddHours(1));

        var retry = failed.CreateRetry("job-1-r2", At);

        Assert.Equal(PrintJobStatus.Queued, retry.Status);
        Assert.Equal(2, retry.Attempt);
        Assert.Equal("job-1-r2", retry.Id);
        Assert.Equal((failed.OrderId, failed.UnitIndex, failed.ProductId, failed.GcodePath, failed.GcodeSha256, failed.ShipBy, failed.Express),
            (retry.OrderId, retry.UnitIndex, retry.ProductId, retry.GcodePath, retry.GcodeSha256, retry.ShipBy, retry.Express));
        Assert.Equal(At, retry.QueuedAt);
        Assert.Null(retry.PrinterId);
        Assert.Null(retry.FailureReason);
        Assert.Equal(PrintJobStatus.Failed, failed.Status);
    }

    [Fact]
    public void A_retry_keeps_the_printer_model_the_gcode_was_sliced_for()
    {
        var model = new PrinterModel("marlin-250x210x210", new Size3(250, 210, 210), 0.4);
        var failed = Build.Job().RequirePrinterModel(model);
        failed.Assign("printer-1", Build.T0);
        failed.Fail("spaghetti", Build.T0.AddHours(1));

        var retry = failed.CreateRetry("job-1-r2", At);

        Assert.Equal(model, retry.RequiredPrinterModel);
        Assert.Throws<InvalidTransitionException>(() => failed.RequirePrinterModel(model));
    }

    [Fact]
    public void A_part_is_not_tied_to_a_printer_model_it_does_not_fit()
    {
        var small = new PrinterModel("mini-180", new Size3(180, 180, 180), 0.4);
        var job = Build.Job(size: new Size3(200, 150, 100));

        var error = Assert.Throws<DomainValidationException>(() => job.RequirePrinterModel(small));

        Assert.Equal("printerModel", error.Field);
        Assert.Null(job.RequiredPrinterModel);
    }

    [Fact]
    public void Job_retry_stops_at_the_attempt_limit()
    {
        var job = Build.Job(maxAttempts: 2);
        job.Assign("printer-1", At);
        job.Fail("first", At);
        Assert.True(job.CanRetry);

        var second = job.CreateRetry("job-1-r2", At);
        second.Assign("printer-1", At);
        second.Fail("second", At);

        Assert.False(second.CanRetry);
        var ex = Assert.Throws<InvalidTransitionException>(() => second.CreateRetry("job-1-r3", At));
        Assert.Contains("all 2 attempts", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PrintJobStatus.Completed)]
    [InlineData(PrintJobStatus.Cancelled)]
    [InlineData(PrintJobStatus.Printing)]
    public void Only_failed_jobs_are_retried(PrintJobStatus status)
    {
        var job = Build.JobIn(status);

        Assert.False(job.CanRetry);
        Assert.Throws<InvalidTransitionException>(() => job.CreateRetry("job-2", At));
    }
}
