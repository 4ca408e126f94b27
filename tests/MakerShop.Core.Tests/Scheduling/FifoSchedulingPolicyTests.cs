namespace MakerShop.Core.Tests;

public class FifoSchedulingPolicyTests
{
    private static readonly FifoSchedulingPolicy Fifo = new();

    [Fact]
    public void The_oldest_job_goes_to_the_first_free_printer_by_id_whatever_its_deadline()
    {
        var scenario = Scenario.Farm().Printer("p-b").Printer("p-a")
            .Job("job-old", order: "ord-1", shipIn: TimeSpan.FromDays(4), queuedAgo: TimeSpan.FromHours(5))
            .Job("job-urgent", order: "ord-2", shipIn: TimeSpan.FromHours(3), queuedAgo: TimeSpan.FromHours(1));
        scenario.Printer("p-c", status: PrinterStatus.Busy);

        var assignments = scenario.Run(Fifo);

        Assert.Equal([("job-old", "p-a"), ("job-urgent", "p-b")], assignments.Select(a => (a.JobId, a.PrinterId)));
    }

    [Fact]
    public void Fifo_swaps_filament_on_the_first_free_printer_when_none_has_it_loaded()
    {
        var scenario = Scenario.Farm().Printer("p-white", colour: "white").Job("job-1", shipIn: TimeSpan.FromDays(4));
        scenario.Settings = SchedulingSettings.Default with { AllowSwaps = true };

        Assert.True(Assert.Single(scenario.Run(Fifo)).FilamentSwap);
    }

    [Fact]
    public void Fifo_keeps_the_hard_rules_too()
    {
        var scenario = Scenario.Farm().Printer("p-open", material: "ABS").Printer("p-bed", material: "ABS", enclosed: true, bedClear: false)
            .Job("job-1", material: "ABS").Job("job-held", order: "ord-2", material: "ABS", held: true);

        Assert.Empty(scenario.Run(Fifo));
    }
}
