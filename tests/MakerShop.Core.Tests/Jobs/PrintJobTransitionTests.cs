namespace MakerShop.Core.Tests;

public class PrintJobTransitionTests
{
    private static readonly DateTimeOffset At = Build.T0.AddMinutes(10);

    public static TheoryData<PrintJobStatus, Func<PrintJob, DateTimeOffset, bool>, PrintJobStatus> LegalMoves => new()
    {
        { PrintJobStatus.Queued, (j, at) => j.Assign("printer-2", at), PrintJobStatus.Assigned },
        { PrintJobStatus.Assigned, (j, at) => j.Unassign("bed not clear", at), PrintJobStatus.Queued },
        { PrintJobStatus.Assigned, (j, at) => j.BeginTransfer(at), PrintJobStatus.Transferring },
        { PrintJobStatus.Assigned, (j, at) => j.StartPrinting(at), PrintJobStatus.Printing },
        { PrintJobStatus.Transferring, (j, at) => j.StartPrinting(at), PrintJobStatus.Printing },
        { PrintJobStatus.Printing, (j, at) => j.Pause(at), PrintJobStatus.Paused },
        { PrintJobStatus.Paused, (j, at) => j.Resume(at), PrintJobStatus.Printing },
        { PrintJobStatus.Assigned, (j, at) => j.Complete(at), PrintJobStatus.Completed },
        { PrintJobStatus.Transferring, (j, at) => j.Complete(at), PrintJobStatus.Completed },
        { PrintJobStatus.Printing, (j, at) => j.Complete(at), PrintJobStatus.Completed },
        { PrintJobStatus.Paused, (j, at) => j.Complete(at), PrintJobStatus.Completed },
        { PrintJobStatus.Assigned, (j, at) => j.Fail("upload refused", at), PrintJobStatus.Failed },
        { PrintJobStatus.Transferring, (j, at) => j.Fail("hash mismatch", at), PrintJobStatus.Failed },
        { PrintJobStatus.Printing, (j, at) => j.Fail("spaghetti", at), PrintJobStatus.Failed },
        { PrintJobStatus.Paused, (j, at) => j.Fail("filament runout", at), PrintJobStatus.Failed },
        { PrintJobStatus.Queued, (j, at) => j.Cancel(at), PrintJobStatus.Cancelled },
        { PrintJobStatus.Assigned, (j, at) => j.Cancel(at), PrintJobStatus.Cancelled },
        { PrintJobStatus.Transferring, (j, at) => j.Cancel(at), PrintJobStatus.Cancelled },
        { PrintJobStatus.Printing, (j, at) => j.Cancel(at), PrintJobStatus.Cancelled },
        { PrintJobStatus.Paused, (j, at) => j.Cancel(at), PrintJobStatus.Cancelled },
    };

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void Legal_job_move_changes_status_and_reports_it(
        PrintJobStatus from, Func<PrintJob, DateTimeOffset, bool> move, PrintJobStatus to)
    {
        var job = Build.JobIn(from);

        Assert.True(move(job, At));

        Assert.Equal(to, job.Status);
        Assert.Equal(At, job.UpdatedAt);
    }

    public static TheoryData<PrintJobStatus, Func<PrintJob, DateTimeOffset, bool>, PrintJobStatus> IllegalMoves => new()
    {
        { PrintJobStatus.Queued, (j, at) => j.StartPrinting(at), PrintJobStatus.Printing },
        { PrintJobStatus.Queued, (j, at) => j.Complete(at), PrintJobStatus.Completed },
        { PrintJobStatus.Queued, (j, at) => j.Fail("x", at), PrintJobStatus.Failed },
        { PrintJobStatus.Printing, (j, at) => j.Assign("printer-2", at), PrintJobStatus.Assigned },
        { PrintJobStatus.Printing, (j, at) => j.Unassign("x", at), PrintJobStatus.Queued },
        { PrintJobStatus.Transferring, (j, at) => j.Pause(at), PrintJobStatus.Paused },
        { PrintJobStatus.Completed, (j, at) => j.Fail("late failure", at), PrintJobStatus.Failed },
        { PrintJobStatus.Failed, (j, at) => j.Complete(at), PrintJobStatus.Completed },
        { PrintJobStatus.Completed, (j, at) => j.Cancel(at), PrintJobStatus.Cancelled },
        { PrintJobStatus.Cancelled, (j, at) => j.StartPrinting(at), PrintJobStatus.Printing },
        { PrintJobStatus.Assigned, (j, at) => j.Assign("printer-2", at), PrintJobStatus.Assigned },
    };

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Illegal_job_move_is_refused_naming_entity_id_and_states(
        PrintJobStatus from, Func<PrintJob, DateTimeOffset, bool> move, PrintJobStatus to)
    {
        var job = Build.JobIn(from, id: "job-42");

        var ex = Assert.Throws<InvalidTransitionException>(() => move(job, At));

        Assert.Equal(("PrintJob", "job-42", from.ToString(), to.ToString()), (ex.Entity, ex.Id, ex.From, ex.To));
        Assert.Equal(from, job.Status);
    }

    public static TheoryData<PrintJobStatus, Func<PrintJob, DateTimeOffset, bool>> RepeatedMoves => new()
    {
        { PrintJobStatus.Completed, (j, at) => j.Complete(at) },
        { PrintJobStatus.Failed, (j, at) => j.Fail("again", at) },
        { PrintJobStatus.Cancelled, (j, at) => j.Cancel(at) },
        { PrintJobStatus.Printing, (j, at) => j.StartPrinting(at) },
        { PrintJobStatus.Transferring, (j, at) => j.BeginTransfer(at) },
        { PrintJobStatus.Paused, (j, at) => j.Pause(at) },
        { PrintJobStatus.Printing, (j, at) => j.Resume(at) },
        { PrintJobStatus.Assigned, (j, at) => j.Assign("printer-1", at) },
    };

    [Theory]
    [MemberData(nameof(RepeatedMoves))]
    public void Repeating_the_move_that_made_the_current_state_is_a_no_op(
        PrintJobStatus status, Func<PrintJob, DateTimeOffset, bool> move)
    {
        var job = Build.JobIn(status);

        Assert.False(move(job, At));

        Assert.Equal(status, job.Status);
        Assert.Equal(Build.T0, job.UpdatedAt);
    }

    [Fact]
    public void Job_records_its_printer_start_end_and_progress_along_the_way()
    {
        var job = Build.Job();
        var t = Build.T0;

        job.Assign("printer-7", t.AddMinutes(1));
        job.BeginTransfer(t.AddMinutes(2));
        job.StartPrinting(t.AddMinutes(3));
        job.ReportProgress(0.4, t.AddMinutes(30));
        job.Complete(t.AddMinutes(60));

        Assert.Equal("printer-7", job.PrinterId);
        Assert.Equal(t.AddMinutes(3), job.StartedAt);
        Assert.Equal(t.AddMinutes(60), job.EndedAt);
        Assert.Equal(1.0, job.Progress);
        Assert.True(job.IsTerminal);
    }

    [Fact]
    public void Unassigned_job_forgets_the_printer_and_keeps_the_reason()
    {
        var job = Build.JobIn(PrintJobStatus.Assigned);

        job.Unassign("bed not clear", At);

        Assert.Null(job.PrinterId);
        Assert.Equal("bed not clear", job.FailureReason);
    }

    [Fact]
    public void A_refusal_by_a_busy_printer_is_no_longer_the_jobs_reason_once_it_prints_and_completes()
    {
        var job = Build.JobIn(PrintJobStatus.Assigned);
        job.Unassign("printer-busy", At);
        job.Assign("printer-2", At.AddMinutes(1), "the only printer free");

        job.StartPrinting(At.AddMinutes(2));
        Assert.Null(job.FailureReason);
        job.Complete(At.AddMinutes(30));

        Assert.Null(job.FailureReason);
    }

    [Fact]
    public void Failed_job_keeps_the_reason_and_end_time()
    {
        var job = Build.JobIn(PrintJobStatus.Printing);

        job.Fail("nozzle clog", At);

        Assert.Equal("nozzle clog", job.FailureReason);
        Assert.Equal(At, job.EndedAt);
    }

    [Theory]
    [InlineData(0.5, true, 0.5)]
    [InlineData(0.1, false, 0.25)] // out-of-order telemetry never moves progress backwards
    [InlineData(1.7, true, 1.0)]
    [InlineData(-3, false, 0.25)]
    public void Progress_is_clamped_and_never_goes_backwards(double reported, bool changed, double expected)
    {
        var job = Build.JobIn(PrintJobStatus.Printing); // at 0.25

        Assert.Equal(changed, job.ReportProgress(reported, At));
        Assert.Equal(expected, job.Progress);
    }

    [Fact]
    public void Progress_is_accepted_while_paused_ignored_after_the_end_and_refused_before_printing()
    {
        var paused = Build.JobIn(PrintJobStatus.Paused);
        Assert.True(paused.ReportProgress(0.3, At));

        var done = Build.JobIn(PrintJobStatus.Completed);
        Assert.False(done.ReportProgress(0.3, At));

        var queued = Build.Job();
        Assert.Throws<InvalidTransitionException>(() => queued.ReportProgress(0.3, At));
        Assert.Throws<DomainValidationException>(() => paused.ReportProgress(double.NaN, At));
    }

    [Fact]
    public void Active_states_are_the_ones_that_occupy_a_printer() =>
        Assert.Equal(
            [PrintJobStatus.Assigned, PrintJobStatus.Transferring, PrintJobStatus.Printing, PrintJobStatus.Paused],
            PrintJob.ActiveStates);
}
