namespace MakerShop.Core.Tests;

/// <summary>
/// No job waits without bound beside an idle printer that could print it: waiting for a closer printer or a loaded
/// filament ends after the owner's ceiling, and a closer printer that could not print the job anyway is no reason to wait.
/// </summary>
public class HoldOutCeilingTests
{
    [Fact]
    public void A_job_holds_out_for_a_closer_printer_only_until_the_ceiling()
    {
        var waiting = Scenario.Farm().Printer("p-de", maker: "m-de", status: PrinterStatus.Busy).Printer("p-us", maker: "m-us")
            .Job("job-1", destination: "FR", shipIn: TimeSpan.FromDays(4), queuedAgo: TimeSpan.FromMinutes(719));
        Assert.Empty(waiting.Run());

        var released = Scenario.Farm().Printer("p-de", maker: "m-de", status: PrinterStatus.Busy).Printer("p-us", maker: "m-us")
            .Job("job-1", destination: "FR", shipIn: TimeSpan.FromDays(4), queuedAgo: TimeSpan.FromMinutes(721));
        var assignment = Assert.Single(released.Run());

        Assert.Equal("p-us", assignment.PrinterId);
        Assert.Contains("waited 12h 00m for a closer printer, the most it may", assignment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ceiling_is_the_owners_setting()
    {
        var scenario = Scenario.Farm().Printer("p-de", maker: "m-de", status: PrinterStatus.Busy).Printer("p-us", maker: "m-us")
            .Job("job-1", destination: "FR", shipIn: TimeSpan.FromDays(4), queuedAgo: TimeSpan.FromMinutes(10));
        scenario.Settings = SchedulingSettings.Default with { MaxHoldOut = TimeSpan.FromMinutes(5) };

        Assert.Equal("p-us", scenario.PrinterOf("job-1"));
    }

    [Fact]
    public void A_closer_printer_loaded_with_another_filament_is_no_reason_to_wait_when_swaps_are_off()
    {
        // The demo's case: an order for Germany, the only German printer has PETG orange loaded, a US printer has PLA black.
        var scenario = Scenario.Farm().Printer("p-de", maker: "m-de", material: "PETG", colour: "orange").Printer("p-us", maker: "m-us")
            .Job("job-1", destination: "DE", shipIn: TimeSpan.FromDays(5), queuedAgo: TimeSpan.Zero);

        var assignment = Assert.Single(scenario.Run());

        Assert.Equal("p-us", assignment.PrinterId);
        Assert.Contains("no printer that could print it avoids it", assignment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void With_swaps_allowed_a_job_waits_for_its_filament_only_until_the_ceiling_then_takes_a_swap()
    {
        static Scenario Farm(TimeSpan queuedAgo)
        {
            var scenario = Scenario.Farm().Printer("p-black", status: PrinterStatus.Busy).Printer("p-white", colour: "white")
                .Job("job-1", shipIn: TimeSpan.FromDays(3), queuedAgo: queuedAgo);
            scenario.Settings = SchedulingSettings.Default with { AllowSwaps = true };
            return scenario;
        }

        Assert.Empty(Farm(TimeSpan.FromHours(11)).Run());
        var assignment = Assert.Single(Farm(TimeSpan.FromHours(13)).Run());

        Assert.Equal("p-white", assignment.PrinterId);
        Assert.Contains("waited 12h 00m for a printer that has it, the most it may", assignment.Reason, StringComparison.Ordinal);
    }
}

/// <summary>The queue page's words for every waiting job: why it waits and until when.</summary>
public class JobWaitTests
{
    private static JobWait WaitOf(Scenario scenario, string jobId) => ShipOnTimeSchedulingPolicy.ExplainWaits(scenario.Snapshot())[jobId];

    [Fact]
    public void A_job_holding_out_for_a_closer_printer_says_which_country_and_until_when()
    {
        var scenario = Scenario.Farm().Printer("p-de", maker: "m-de", status: PrinterStatus.Busy).Printer("p-us", maker: "m-us")
            .Job("job-1", destination: "FR", shipIn: TimeSpan.FromDays(4), queuedAgo: TimeSpan.FromMinutes(20));

        var wait = WaitOf(scenario, "job-1");

        Assert.Equal(JobWaitReason.HoldingOutForCloser, wait.Reason);
        Assert.Equal("DE", wait.Country);
        Assert.Equal(Scenario.Now + TimeSpan.FromMinutes(700), wait.Until);
    }

    [Fact]
    public void A_job_whose_filament_no_free_printer_has_says_so_and_when_a_swap_may_start()
    {
        var scenario = Scenario.Farm().Printer("p-black", status: PrinterStatus.Busy).Printer("p-white", colour: "white")
            .Job("job-1", shipIn: TimeSpan.FromDays(3), queuedAgo: TimeSpan.FromMinutes(30));
        Assert.Equal(new JobWait(JobWaitReason.NeedsFilament, "PLA", "black"), WaitOf(scenario, "job-1"));

        scenario.Settings = SchedulingSettings.Default with { AllowSwaps = true };
        var wait = WaitOf(scenario, "job-1");
        Assert.Equal(JobWaitReason.NeedsFilament, wait.Reason);
        Assert.Equal(Scenario.Now + TimeSpan.FromMinutes(690), wait.Until);
    }

    [Fact]
    public void Every_waiting_job_gets_a_reason()
    {
        var scenario = Scenario.Farm().Printer("p-1", status: PrinterStatus.Busy).Printer("p-2", maker: "m-fr")
            .Job("held", held: true)
            .Job("pinned", order: "ord-2", pinnedTo: "p-1")
            .Job("huge", order: "ord-3", size: new Size3(900, 900, 900))
            .Job("next", order: "ord-4", destination: "FR");

        var waits = ShipOnTimeSchedulingPolicy.ExplainWaits(scenario.Snapshot());

        Assert.Equal(JobWaitReason.Held, waits["held"].Reason);
        Assert.Equal(new JobWait(JobWaitReason.PinnedPrinterBusy, "PLA", "black", PrinterId: "p-1"), waits["pinned"]);
        Assert.Equal(JobWaitReason.NoPrinterCanPrint, waits["huge"].Reason);
        Assert.Equal(JobWaitReason.NextInLine, waits["next"].Reason);
    }
}
