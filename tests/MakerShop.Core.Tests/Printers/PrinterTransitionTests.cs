namespace MakerShop.Core.Tests;

public class PrinterTransitionTests
{
    private static readonly DateTimeOffset At = Build.T0.AddMinutes(5);

    public static TheoryData<PrinterStatus, Func<Printer, DateTimeOffset, bool>, PrinterStatus> LegalMoves => new()
    {
        { PrinterStatus.Idle, (p, at) => p.Reserve("job-1", at), PrinterStatus.Busy },
        { PrinterStatus.Busy, (p, at) => p.Release(at), PrinterStatus.Idle },
        { PrinterStatus.Offline, (p, at) => p.MarkOnline(bedClear: true, at), PrinterStatus.Idle },
        { PrinterStatus.Offline, (p, at) => p.MarkOnline(bedClear: false, at), PrinterStatus.NeedsBedClear },
        { PrinterStatus.Idle, (p, at) => p.MarkOffline(at), PrinterStatus.Offline },
        { PrinterStatus.Busy, (p, at) => p.MarkOffline(at), PrinterStatus.Offline },
        { PrinterStatus.Error, (p, at) => p.MarkOffline(at), PrinterStatus.Offline },
        { PrinterStatus.Idle, (p, at) => p.MarkPrinting("job-1", at), PrinterStatus.Busy },
        { PrinterStatus.Busy, (p, at) => p.MarkPrinting("job-9", at), PrinterStatus.Busy },
        { PrinterStatus.Paused, (p, at) => p.MarkPrinting("job-1", at), PrinterStatus.Busy },
        { PrinterStatus.Offline, (p, at) => p.MarkPrinting("job-1", at), PrinterStatus.Busy },
        { PrinterStatus.Busy, (p, at) => p.MarkPaused(at), PrinterStatus.Paused },
        { PrinterStatus.Busy, (p, at) => p.FinishJob(PrintEnding.Completed, at), PrinterStatus.NeedsBedClear },
        { PrinterStatus.Paused, (p, at) => p.FinishJob(PrintEnding.Completed, at), PrinterStatus.NeedsBedClear },
        { PrinterStatus.NeedsBedClear, (p, at) => p.ConfirmBedClear(at), PrinterStatus.Idle },
        { PrinterStatus.Idle, (p, at) => p.ReportBedOccupied(at), PrinterStatus.NeedsBedClear },
        { PrinterStatus.Busy, (p, at) => p.Fault("thermal runaway", at), PrinterStatus.Error },
        { PrinterStatus.Idle, (p, at) => p.Fault("heater", at), PrinterStatus.Error },
        { PrinterStatus.Error, (p, at) => p.ClearFault(at), PrinterStatus.Idle },
    };

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void Legal_printer_move_changes_status_and_reports_it(
        PrinterStatus from, Func<Printer, DateTimeOffset, bool> move, PrinterStatus to)
    {
        var printer = Build.Printer(status: from, currentJobId: from is PrinterStatus.Busy or PrinterStatus.Paused ? "job-1" : null);

        Assert.True(move(printer, At));

        Assert.Equal(to, printer.Status);
        Assert.Equal(At, printer.UpdatedAt);
    }

    public static TheoryData<PrinterStatus, Func<Printer, DateTimeOffset, bool>, PrinterStatus> IllegalMoves => new()
    {
        { PrinterStatus.Offline, (p, at) => p.Reserve("job-1", at), PrinterStatus.Busy },
        { PrinterStatus.NeedsBedClear, (p, at) => p.Reserve("job-1", at), PrinterStatus.Busy },
        { PrinterStatus.Error, (p, at) => p.Reserve("job-1", at), PrinterStatus.Busy },
        { PrinterStatus.Paused, (p, at) => p.Release(at), PrinterStatus.Idle },
        { PrinterStatus.NeedsBedClear, (p, at) => p.MarkPrinting("job-1", at), PrinterStatus.Busy },
        { PrinterStatus.Error, (p, at) => p.MarkPrinting("job-1", at), PrinterStatus.Busy },
        { PrinterStatus.Idle, (p, at) => p.MarkPaused(at), PrinterStatus.Paused },
        { PrinterStatus.Busy, (p, at) => p.ReportBedOccupied(at), PrinterStatus.NeedsBedClear },
        { PrinterStatus.Offline, (p, at) => p.ReportBedOccupied(at), PrinterStatus.NeedsBedClear },
        { PrinterStatus.Busy, (p, at) => p.ConfirmBedClear(at), PrinterStatus.Idle },
        { PrinterStatus.Idle, (p, at) => p.ClearFault(at), PrinterStatus.Idle },
    };

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Illegal_printer_move_is_refused_naming_entity_id_and_states(
        PrinterStatus from, Func<Printer, DateTimeOffset, bool> move, PrinterStatus to)
    {
        var printer = Build.Printer(id: "mk4-01", status: from, currentJobId: from == PrinterStatus.Error ? "job-1" : null);

        var ex = Assert.Throws<InvalidTransitionException>(() => move(printer, At));

        Assert.Equal(("Printer", "mk4-01", from.ToString(), to.ToString()), (ex.Entity, ex.Id, ex.From, ex.To));
        Assert.Equal(from, printer.Status);
    }

    [Fact]
    public void Out_of_service_printer_is_not_ready_and_cannot_be_reserved()
    {
        var printer = Build.Printer();
        printer.TakeOutOfService(At);

        Assert.False(printer.IsReady);
        var ex = Assert.Throws<InvalidTransitionException>(() => printer.Reserve("job-1", At));
        Assert.Contains("out of service", ex.Message, StringComparison.Ordinal);

        Assert.True(printer.ReturnToService(At));
        Assert.True(printer.IsReady);
    }

    [Fact]
    public void Reservation_holds_the_job_and_release_frees_it()
    {
        var printer = Build.Printer();

        printer.Reserve("job-1", At);
        Assert.Equal("job-1", printer.CurrentJobId);
        Assert.False(printer.IsReady);

        printer.Release(At);
        Assert.Null(printer.CurrentJobId);
        Assert.True(printer.IsReady);
    }

    [Fact]
    public void Going_offline_keeps_the_job_and_coming_back_resumes_busy()
    {
        var printer = Build.Printer(status: PrinterStatus.Busy, currentJobId: "job-1");

        printer.MarkOffline(At);
        Assert.Equal("job-1", printer.CurrentJobId);

        printer.MarkOnline(bedClear: true, At.AddMinutes(1));
        Assert.Equal(PrinterStatus.Busy, printer.Status);
        Assert.Equal(At.AddMinutes(1), printer.LastSeenAt);
    }

    [Fact]
    public void Marking_online_twice_is_a_no_op()
    {
        var printer = Build.Printer(status: PrinterStatus.NeedsBedClear);

        Assert.False(printer.MarkOnline(bedClear: true, At));
        Assert.Equal(PrinterStatus.NeedsBedClear, printer.Status);
    }

    [Theory]
    [InlineData(false, PrinterStatus.NeedsBedClear)]
    [InlineData(true, PrinterStatus.Idle)]
    public void Finished_job_leaves_the_bed_to_clear_unless_the_printer_ejects_it(bool autoEject, PrinterStatus expected)
    {
        var printer = Build.Printer(status: PrinterStatus.Busy, autoEject: autoEject, currentJobId: "job-1");

        printer.FinishJob(PrintEnding.Completed, At);

        Assert.Equal(expected, printer.Status);
        Assert.Null(printer.CurrentJobId);
        Assert.False(printer.FinishJob(PrintEnding.Completed, At)); // a repeated "finished" report changes nothing
    }

    [Fact]
    public void Fault_keeps_the_reason_until_cleared_and_a_print_it_broke_off_leaves_the_bed_to_confirm()
    {
        var printer = Build.Printer(status: PrinterStatus.Busy, currentJobId: "job-1");

        printer.Fault("thermal runaway", At);
        Assert.Equal("thermal runaway", printer.StatusReason);
        Assert.False(printer.Fault("thermal runaway", At));

        printer.ClearFault(At);
        Assert.Null(printer.StatusReason);
        Assert.Null(printer.CurrentJobId);
        Assert.Equal((PrinterStatus.NeedsBedClear, false), (printer.Status, printer.IsReady));
        printer.ConfirmBedClear(At);
        Assert.True(printer.IsReady);
    }

    [Fact]
    public void A_job_ending_on_a_faulted_printer_is_let_go_while_the_printer_stays_in_Error()
    {
        var printer = Build.Printer(status: PrinterStatus.Busy, currentJobId: "job-1");
        printer.Fault("thermal runaway", At);

        Assert.True(printer.FinishJob(PrintEnding.Completed, At.AddMinutes(1)));

        Assert.Equal(PrinterStatus.Error, printer.Status);
        Assert.Null(printer.CurrentJobId);
        Assert.False(printer.FinishJob(PrintEnding.Completed, At.AddMinutes(2)));
    }

    [Fact]
    public void A_job_ending_while_the_printer_is_offline_is_let_go_and_the_printer_stays_offline()
    {
        var printer = Build.Printer(status: PrinterStatus.Busy, currentJobId: "job-1");
        printer.MarkOffline(At);

        Assert.True(printer.FinishJob(PrintEnding.Completed, At.AddMinutes(1)));

        Assert.Equal(PrinterStatus.Offline, printer.Status);
        Assert.Null(printer.CurrentJobId);
        Assert.False(printer.IsReady);
    }

    [Theory]
    [InlineData(PrinterStatus.Busy, PrinterStatus.Idle)]
    [InlineData(PrinterStatus.Offline, PrinterStatus.Offline)]
    [InlineData(PrinterStatus.Error, PrinterStatus.Error)]
    public void A_refused_job_is_dropped_whatever_the_printer_state_and_only_a_reservation_is_lifted(PrinterStatus from, PrinterStatus to)
    {
        var printer = Build.Printer(status: from, currentJobId: "job-1");

        Assert.True(printer.DropJob("job-1", At));
        Assert.False(printer.DropJob("job-1", At));

        Assert.Null(printer.CurrentJobId);
        Assert.Equal(to, printer.Status);
    }
}
