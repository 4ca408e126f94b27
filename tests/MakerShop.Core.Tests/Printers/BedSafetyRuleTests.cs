namespace MakerShop.Core.Tests;

/// <summary>
/// The bed-safety rule, for every printer kind: after any ending but an auto-ejected completion the printer takes no
/// job until a person confirms its bed is clear, and nothing the printer says (reconnect, restart, idle, fault cleared)
/// takes the place of that confirmation.
/// </summary>
public class BedSafetyRuleTests
{
    private static readonly DateTimeOffset At = Build.T0.AddHours(1);

    public static TheoryData<PrintEnding, bool> EndingsThatNeedAPerson()
    {
        var data = new TheoryData<PrintEnding, bool>();
        foreach (var ending in Enum.GetValues<PrintEnding>())
        {
            foreach (var autoEject in new[] { false, true })
            {
                if (!(ending == PrintEnding.Completed && autoEject))
                {
                    data.Add(ending, autoEject);
                }
            }
        }

        return data;
    }

    [Fact]
    public void Only_a_completed_print_on_an_auto_eject_printer_leaves_the_bed_clear()
    {
        var ejecting = Build.Printer(autoEject: true);
        var manual = Build.Printer(autoEject: false);

        Assert.Equal(new[] { PrintEnding.Completed }, Enum.GetValues<PrintEnding>().Where(e => !ejecting.BedNeedsConfirmingAfter(e)));
        Assert.All(Enum.GetValues<PrintEnding>(), e => Assert.True(manual.BedNeedsConfirmingAfter(e), $"{e} needs no confirmation"));
    }

    [Fact]
    public void An_auto_ejected_completion_leaves_the_printer_ready()
    {
        var printer = Build.Printer(status: PrinterStatus.Busy, currentJobId: "job-1", autoEject: true);

        printer.FinishJob(PrintEnding.Completed, At);

        Assert.Equal((PrinterStatus.Idle, true, true), (printer.Status, printer.BedClear, printer.IsReady));
    }

    [Theory]
    [MemberData(nameof(EndingsThatNeedAPerson))]
    public void After_the_ending_the_printer_waits_for_a_person_and_only_the_confirmation_frees_it(PrintEnding ending, bool autoEject)
    {
        var printer = EndedPrinter(ending, autoEject);

        Assert.Equal((PrinterStatus.NeedsBedClear, false, false), (printer.Status, printer.BedClear, printer.IsReady));
        Assert.Throws<InvalidTransitionException>(() => printer.Reserve("job-2", At));

        Assert.True(printer.ConfirmBedClear(At.AddMinutes(1)));
        Assert.True(printer.IsReady);
    }

    [Theory]
    [MemberData(nameof(EndingsThatNeedAPerson))]
    public void A_reconnect_that_says_the_bed_is_clear_does_not_clear_it(PrintEnding ending, bool autoEject)
    {
        var printer = EndedPrinter(ending, autoEject);

        printer.MarkOffline(At.AddMinutes(1));
        printer.MarkOnline(bedClear: true, At.AddMinutes(2));

        Assert.Equal((PrinterStatus.NeedsBedClear, false), (printer.Status, printer.IsReady));
    }

    [Theory]
    [MemberData(nameof(EndingsThatNeedAPerson))]
    public void A_fault_and_its_clearing_do_not_clear_the_bed(PrintEnding ending, bool autoEject)
    {
        var printer = EndedPrinter(ending, autoEject);

        printer.Fault("restarted", At.AddMinutes(1));
        printer.ClearFault(At.AddMinutes(2));

        Assert.Equal((PrinterStatus.NeedsBedClear, false), (printer.Status, printer.IsReady));
    }

    [Fact]
    public void A_print_that_ends_while_the_printer_is_faulted_leaves_the_bed_to_confirm_when_the_fault_clears()
    {
        var printer = Build.Printer(status: PrinterStatus.Busy, currentJobId: "job-1", autoEject: true);
        printer.Fault("emergency stop", At);

        printer.FinishJob(PrintEnding.EmergencyStop, At.AddSeconds(1));
        printer.ClearFault(At.AddMinutes(1));

        Assert.Equal((PrinterStatus.NeedsBedClear, false), (printer.Status, printer.IsReady));
        Assert.Null(printer.StatusReason);
    }

    [Fact]
    public void A_printer_that_faulted_mid_print_with_no_word_on_the_print_needs_its_bed_confirmed()
    {
        var printer = Build.Printer(status: PrinterStatus.Busy, currentJobId: "job-1", autoEject: true);
        printer.Fault("Klipper shut down", At);

        printer.ClearFault(At.AddMinutes(1));

        Assert.Equal(PrinterStatus.NeedsBedClear, printer.Status);
    }

    [Fact]
    public void The_bed_can_be_confirmed_clear_while_the_printer_is_faulted_and_it_comes_back_ready()
    {
        var printer = EndedPrinter(PrintEnding.EmergencyStop, autoEject: false);
        printer.Fault("emergency stop", At.AddMinutes(1));

        Assert.True(printer.ControlState.Allows(PrinterAction.BedCleared));
        Assert.True(printer.ConfirmBedClear(At.AddMinutes(2)));
        Assert.Equal(PrinterStatus.Error, printer.Status);
        printer.ClearFault(At.AddMinutes(3));

        Assert.True(printer.IsReady);
    }

    [Fact]
    public void A_print_the_shop_did_not_send_keeps_the_printer_busy_and_its_end_needs_a_person()
    {
        var printer = Build.Printer(autoEject: true);

        Assert.True(printer.MarkPrintingUnsent(At));
        Assert.False(printer.MarkPrintingUnsent(At.AddSeconds(10)));
        Assert.Equal((PrinterStatus.Busy, true, false), (printer.Status, printer.IsPrintingUnsent, printer.IsReady));
        Assert.Throws<InvalidTransitionException>(() => printer.Reserve("job-1", At));

        Assert.True(printer.FinishJob(PrintEnding.NotStartedByShop, At.AddMinutes(30)));

        Assert.Equal((PrinterStatus.NeedsBedClear, false), (printer.Status, printer.IsPrintingUnsent));
    }

    [Fact]
    public void A_print_the_shop_did_not_send_cannot_replace_a_job_the_printer_holds()
    {
        var printer = Build.Printer(status: PrinterStatus.Busy, currentJobId: "job-1");

        Assert.Throws<InvalidTransitionException>(() => printer.MarkPrintingUnsent(At));
    }

    [Fact]
    public void A_printer_leaving_Error_no_longer_shows_the_error_text()
    {
        var printer = Build.Printer();
        printer.Fault("the API key was refused", At);

        printer.MarkOffline(At.AddMinutes(1));
        printer.MarkOnline(bedClear: true, At.AddMinutes(2));

        Assert.Equal((PrinterStatus.Idle, (string?)null), (printer.Status, printer.StatusReason));
    }

    private static Printer EndedPrinter(PrintEnding ending, bool autoEject)
    {
        var printer = Build.Printer(autoEject: autoEject);
        if (ending == PrintEnding.NotStartedByShop)
        {
            printer.MarkPrintingUnsent(At.AddMinutes(-30));
        }
        else
        {
            printer.Reserve("job-1", At.AddMinutes(-30));
            printer.MarkPrinting("job-1", At.AddMinutes(-29));
        }

        printer.FinishJob(ending, At);
        return printer;
    }
}
