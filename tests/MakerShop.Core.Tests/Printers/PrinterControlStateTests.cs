namespace MakerShop.Core.Tests;

public class PrinterControlStateTests
{
    [Fact]
    public void A_printing_printer_can_be_paused_cancelled_and_stopped_but_not_resumed_or_have_its_bed_cleared()
    {
        var printer = Build.Printer(status: PrinterStatus.Busy, currentJobId: "job-1");

        Assert.Equal(
            [PrinterAction.Pause, PrinterAction.Cancel, PrinterAction.EmergencyStop, PrinterAction.LoadFilament, PrinterAction.TakeOutOfService],
            printer.ControlState.Allowed);
        Assert.Equal("MK3 is not paused, so there is nothing to resume.", printer.ControlState.WhyNot(PrinterAction.Resume, "MK3"));
    }

    [Fact]
    public void A_paused_printer_can_be_resumed_and_not_paused_again()
    {
        var state = new PrinterControlState(PrinterStatus.Paused, HasJob: true, BedClear: true, InService: true);

        Assert.True(state.Allows(PrinterAction.Resume));
        Assert.True(state.Allows(PrinterAction.Cancel));
        Assert.False(state.Allows(PrinterAction.Pause));
    }

    [Fact]
    public void A_printer_waiting_for_its_bed_offers_the_bed_clear_and_nothing_about_a_print()
    {
        var printer = Build.Printer(status: PrinterStatus.Busy, currentJobId: "job-1");
        printer.FinishJob(PrintEnding.Completed, Build.T0.AddHours(1));

        var allowed = printer.ControlState.Allowed;

        Assert.Contains(PrinterAction.BedCleared, allowed);
        Assert.DoesNotContain(PrinterAction.Pause, allowed);
        Assert.DoesNotContain(PrinterAction.Resume, allowed);
        Assert.DoesNotContain(PrinterAction.Cancel, allowed);
    }

    [Fact]
    public void An_offline_printer_offers_no_emergency_stop_and_service_is_offered_one_way_at_a_time()
    {
        var offline = new PrinterControlState(PrinterStatus.Offline, HasJob: false, BedClear: true, InService: false);

        Assert.Equal([PrinterAction.LoadFilament, PrinterAction.ReturnToService], offline.Allowed);
        Assert.NotNull(offline.WhyNot(PrinterAction.EmergencyStop, "MK3"));
        Assert.Null(offline.WhyNot(PrinterAction.ReturnToService, "MK3"));
    }

    [Fact]
    public void An_idle_printer_with_a_clear_bed_has_nothing_to_pause_resume_cancel_or_clear()
    {
        var idle = new PrinterControlState(PrinterStatus.Idle, HasJob: false, BedClear: true, InService: true);

        Assert.Equal([PrinterAction.EmergencyStop, PrinterAction.LoadFilament, PrinterAction.TakeOutOfService], idle.Allowed);
    }
}
