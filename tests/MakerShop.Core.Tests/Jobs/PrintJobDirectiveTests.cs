namespace MakerShop.Core.Tests;

public class PrintJobDirectiveTests
{
    private static readonly DateTimeOffset At = Build.T0.AddHours(1);

    [Fact]
    public void A_held_job_cannot_be_assigned_until_released()
    {
        var job = Build.Job();
        job.SetHeld(true, At);

        Assert.Throws<InvalidTransitionException>(() => job.Assign("printer-1", At));
        job.SetHeld(false, At);
        Assert.True(job.Assign("printer-1", At, "because"));
        Assert.Equal("because", job.AssignmentReason);
    }

    [Fact]
    public void A_pinned_job_cannot_be_assigned_to_another_printer()
    {
        var job = Build.Job();
        job.Pin("printer-2", At);

        var error = Assert.Throws<InvalidTransitionException>(() => job.Assign("printer-1", At));

        Assert.Contains("pinned to printer printer-2", error.Message, StringComparison.Ordinal);
        Assert.True(job.Assign("printer-2", At));
    }

    [Fact]
    public void Only_a_queued_job_can_be_pinned_or_held()
    {
        var job = Build.JobIn(PrintJobStatus.Printing);

        Assert.Throws<InvalidTransitionException>(() => job.Pin("printer-2", At));
        Assert.Throws<InvalidTransitionException>(() => job.SetHeld(true, At));
    }

    [Fact]
    public void A_retry_keeps_the_owners_pin()
    {
        var job = Build.Job();
        job.Pin("printer-1", At);
        job.Assign("printer-1", At);
        job.StartPrinting(At);
        job.Fail("spaghetti", At);

        var retry = job.CreateRetry("job-2", At);

        Assert.Equal(("printer-1", false, null), (retry.PinnedPrinterId, retry.Held, retry.AssignmentReason));
    }

    [Fact]
    public void A_refused_job_forgets_why_it_was_sent_there()
    {
        var job = Build.Job();
        job.Assign("printer-1", At, "first choice");

        job.Unassign("bed-not-cleared", At);

        Assert.Null(job.AssignmentReason);
    }
}
