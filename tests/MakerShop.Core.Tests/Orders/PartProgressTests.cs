namespace MakerShop.Core.Tests;

public class PartProgressTests
{
    private static readonly DateTimeOffset Now = Build.T0.AddHours(3);
    private static readonly Dictionary<string, TimeSpan> NoReports = [];

    [Fact]
    public void A_printing_part_is_expected_when_its_unprinted_share_is_done()
    {
        var parts = PartProgress.For(Build.Order(), [Build.JobIn(PrintJobStatus.Printing)], NoReports, Now);
        var part = Assert.Single(parts);
        Assert.Equal(PartPhase.Printing, part.Phase);
        Assert.Equal("Cable clip", part.ProductName);
        Assert.Equal(0.25, part.Progress);
        // Two hours estimated, a quarter printed.
        Assert.Equal(Now.AddMinutes(90), part.ExpectedDoneAt);
    }

    [Fact]
    public void The_printers_own_remaining_time_wins_over_the_estimate()
    {
        var job = Build.JobIn(PrintJobStatus.Printing);
        var parts = PartProgress.For(Build.Order(), [job], new Dictionary<string, TimeSpan> { [job.Id] = TimeSpan.FromMinutes(20) }, Now);
        Assert.Equal(Now.AddMinutes(20), parts[0].ExpectedDoneAt);
    }

    [Fact]
    public void A_failed_attempt_that_is_retried_reads_as_reprinting()
    {
        var failed = Build.JobIn(PrintJobStatus.Failed);
        var retry = failed.CreateRetry("job-2", Now);
        var part = Assert.Single(PartProgress.For(Build.Order(), [failed, retry], NoReports, Now));
        Assert.Equal(PartPhase.Reprinting, part.Phase);
        Assert.Equal(2, part.Attempt);
    }

    [Fact]
    public void A_printed_part_is_complete_and_has_no_estimate()
    {
        var part = Assert.Single(PartProgress.For(Build.Order(), [Build.JobIn(PrintJobStatus.Completed)], NoReports, Now));
        Assert.Equal(PartPhase.Printed, part.Phase);
        Assert.Equal(1, part.Progress);
        Assert.Null(part.ExpectedDoneAt);
    }

    [Theory]
    [InlineData(PrintJobStatus.Queued, PartPhase.Waiting)]
    [InlineData(PrintJobStatus.Assigned, PartPhase.Preparing)]
    [InlineData(PrintJobStatus.Transferring, PartPhase.Preparing)]
    [InlineData(PrintJobStatus.Paused, PartPhase.Paused)]
    [InlineData(PrintJobStatus.Cancelled, PartPhase.Cancelled)]
    public void Each_job_state_has_a_customer_phase(PrintJobStatus status, PartPhase phase) =>
        Assert.Equal(phase, PartProgress.For(Build.Order(), [Build.JobIn(status)], NoReports, Now)[0].Phase);
}
