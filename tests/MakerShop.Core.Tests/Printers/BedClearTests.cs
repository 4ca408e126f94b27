namespace MakerShop.Core.Tests;

public class BedClearTests
{
    private static readonly DateTimeOffset At = Build.T0.AddHours(1);

    [Fact]
    public void A_printer_that_finished_a_job_takes_no_job_until_its_bed_is_confirmed_clear()
    {
        var printer = Build.Printer(status: PrinterStatus.Busy, currentJobId: "job-1");

        printer.FinishJob(PrintEnding.Completed, At);

        Assert.Equal((PrinterStatus.NeedsBedClear, false, false), (printer.Status, printer.BedClear, printer.IsReady));
        printer.ConfirmBedClear(At.AddMinutes(5));
        Assert.Equal((PrinterStatus.Idle, true, true), (printer.Status, printer.BedClear, printer.IsReady));
    }

    [Fact]
    public void An_auto_eject_printer_clears_its_own_bed()
    {
        var printer = Build.Printer(status: PrinterStatus.Busy, currentJobId: "job-1", autoEject: true);

        printer.FinishJob(PrintEnding.Completed, At);

        Assert.True(printer.IsReady);
    }

    [Fact]
    public void A_job_that_ended_while_the_printer_was_offline_still_leaves_the_bed_occupied()
    {
        var printer = Build.Printer(status: PrinterStatus.Busy, currentJobId: "job-1");
        printer.MarkOffline(At);

        printer.FinishJob(PrintEnding.Completed, At.AddMinutes(1));

        Assert.False(printer.BedClear);
    }

    [Fact]
    public void An_idle_printer_whose_bed_flag_is_down_is_not_ready_until_confirmed()
    {
        var printer = Core.Printer.Restore(
            "printer-1", "One", PrinterKind.FirmwareBridge, new Size3(200, 200, 200), 0.4, "PLA", "black", "DE", autoEject: false,
            inService: true, PrinterStatus.Idle, null, null, At, At, PrinterEquipment.Default, bedClear: false);

        Assert.False(printer.IsReady);
        Assert.True(printer.ConfirmBedClear(At));
        Assert.True(printer.IsReady);
    }
}
