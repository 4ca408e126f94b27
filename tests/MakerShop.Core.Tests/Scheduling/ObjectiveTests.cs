namespace MakerShop.Core.Tests;

/// <summary>The objective, in the order: on time, few makers per order and close to the customer, few swaps, fair load.</summary>
public class ObjectiveTests
{
    [Fact]
    public void A_deadline_critical_job_overtakes_a_relaxed_one_that_was_queued_first()
    {
        var scenario = Scenario.Farm().Printer("p-1")
            .Job("job-relaxed", order: "ord-1", shipIn: TimeSpan.FromDays(4), queuedAgo: TimeSpan.FromHours(10))
            .Job("job-critical", order: "ord-2", shipIn: TimeSpan.FromHours(3), queuedAgo: TimeSpan.FromMinutes(1));

        var assignment = Assert.Single(scenario.Run());

        Assert.Equal("job-critical", assignment.JobId);
        Assert.Contains("0h 59m slack", assignment.Reason.Replace("1h 00m", "0h 59m", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_job_due_later_goes_before_a_short_one_due_sooner_when_it_must_start_first()
    {
        var scenario = Scenario.Farm().Printer("p-1")
            .Job("job-short", order: "ord-1", shipIn: TimeSpan.FromHours(20), printTime: TimeSpan.FromHours(1))
            .Job("job-long", order: "ord-2", shipIn: TimeSpan.FromHours(24), printTime: TimeSpan.FromHours(12));

        Assert.Equal("job-long", Assert.Single(scenario.Run()).JobId);
    }

    [Fact]
    public void An_express_job_goes_first()
    {
        var scenario = Scenario.Farm().Printer("p-1")
            .Job("job-standard", order: "ord-1", shipIn: TimeSpan.FromHours(30))
            .Job("job-express", order: "ord-2", shipIn: TimeSpan.FromHours(40), express: true);

        var assignment = Assert.Single(scenario.Run());

        Assert.Equal("job-express", assignment.JobId);
        Assert.StartsWith("express; ", assignment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parcel_stays_inside_the_customers_customs_territory_when_a_printer_there_is_free()
    {
        var scenario = Scenario.Farm().Printer("p-gb", maker: "m-gb").Printer("p-us", maker: "m-us").Printer("p-de", maker: "m-de")
            .Job("job-1", destination: "FR");

        var assignment = Assert.Single(scenario.Run());

        Assert.Equal("p-de", assignment.PrinterId);
        Assert.Contains("ships to FR inside one customs territory", assignment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_domestic_printer_beats_one_elsewhere_in_the_customs_union()
    {
        var scenario = Scenario.Farm().Printer("p-de", maker: "m-de").Printer("p-fr", maker: "m-fr").Job("job-1", destination: "FR");

        Assert.Equal("p-fr", scenario.PrinterOf("job-1"));
    }

    [Fact]
    public void A_job_with_slack_waits_rather_than_cross_a_border_the_fleet_could_avoid()
    {
        var scenario = Scenario.Farm().Printer("p-de", maker: "m-de", status: PrinterStatus.Busy).Printer("p-us", maker: "m-us")
            .Job("job-1", destination: "FR", shipIn: TimeSpan.FromDays(4));

        Assert.Empty(scenario.Run());
    }

    [Fact]
    public void A_job_short_of_slack_crosses_the_border_rather_than_be_late()
    {
        var scenario = Scenario.Farm().Printer("p-de", maker: "m-de", status: PrinterStatus.Busy).Printer("p-us", maker: "m-us")
            .Job("job-1", destination: "FR", shipIn: TimeSpan.FromHours(20));

        var assignment = Assert.Single(scenario.Run());

        Assert.Equal("p-us", assignment.PrinterId);
        Assert.Contains("crosses a customs border to FR, too little slack to wait for a closer printer", assignment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_destination_no_printer_can_reach_without_customs_does_not_wait()
    {
        var scenario = Scenario.Farm().Printer("p-de", maker: "m-de").Job("job-1", destination: "JP", shipIn: TimeSpan.FromDays(5));

        Assert.Contains("no printer that could print it avoids it", Assert.Single(scenario.Run()).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rest_of_an_order_joins_the_maker_that_already_prints_it()
    {
        var scenario = Scenario.Farm().Printer("p-de", maker: "m-de").Printer("p-fr", maker: "m-fr")
            .Job("job-2", order: "ord-1", destination: "FR", orderMakers: ["m-de"]);

        var assignment = Assert.Single(scenario.Run());

        Assert.Equal("p-de", assignment.PrinterId);
        Assert.Contains("joins the order's other units at this maker", assignment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_of_one_order_scheduled_in_one_pass_stay_together()
    {
        var scenario = Scenario.Farm().Maker("m-de2", "DE")
            .Printer("p-a", maker: "m-de").Printer("p-b", maker: "m-de2").Printer("p-c", maker: "m-de")
            .Job("job-1", order: "ord-1").Job("job-2", order: "ord-1");

        var makers = scenario.Run().Select(a => a.PrinterId).ToList();

        // p-a (m-de) first by load tie-break, then the second unit joins m-de on p-c rather than opening m-de2.
        Assert.Equal(["p-a", "p-c"], makers);
    }

    [Fact]
    public void A_job_with_slack_waits_for_its_loaded_filament_rather_than_swap()
    {
        var scenario = Scenario.Farm().Printer("p-black", status: PrinterStatus.Busy).Printer("p-white", colour: "white")
            .Job("job-1", shipIn: TimeSpan.FromDays(3));
        scenario.Settings = SchedulingSettings.Default with { AllowSwaps = true };

        Assert.Empty(scenario.Run());
    }

    [Fact]
    public void A_filament_no_printer_has_loaded_is_swapped_in_without_waiting()
    {
        var scenario = Scenario.Farm().Printer("p-white", colour: "white").Job("job-1", colour: "orange", shipIn: TimeSpan.FromDays(3));
        scenario.Settings = SchedulingSettings.Default with { AllowSwaps = true };

        Assert.True(Assert.Single(scenario.Run()).FilamentSwap);
    }

    [Fact]
    public void A_printer_with_the_filament_loaded_beats_a_swap()
    {
        var scenario = Scenario.Farm().Printer("p-a-white", colour: "white").Printer("p-b-black").Job("job-1", shipIn: TimeSpan.FromHours(6));
        scenario.Settings = SchedulingSettings.Default with { AllowSwaps = true };

        var assignment = Assert.Single(scenario.Run());

        Assert.Equal(("p-b-black", false), (assignment.PrinterId, assignment.FilamentSwap));
    }

    [Fact]
    public void Work_goes_to_the_less_loaded_of_two_equal_makers()
    {
        var scenario = new Scenario().Maker("m-a", "DE").Maker("m-b", "DE")
            .Printer("p-a1", maker: "m-a").Printer("p-a2", maker: "m-a", status: PrinterStatus.Busy)
            .Printer("p-b1", maker: "m-b").Printer("p-b2", maker: "m-b")
            .Job("job-1");

        var assignment = Assert.Single(scenario.Run());

        Assert.Equal("p-b1", assignment.PrinterId);
        Assert.Contains("maker load 0/2 printers busy", assignment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_that_cannot_be_on_time_anywhere_still_goes_to_the_printer_that_finishes_it_soonest()
    {
        var scenario = Scenario.Farm().Printer("p-a-white", colour: "white").Printer("p-b-black", maker: "m-us")
            .Job("job-1", destination: "DE", shipIn: TimeSpan.FromHours(2), printTime: TimeSpan.FromHours(2) + TimeSpan.FromMinutes(5));
        scenario.Settings = SchedulingSettings.Default with { AllowSwaps = true };

        var assignment = Assert.Single(scenario.Run());

        Assert.Equal("p-b-black", assignment.PrinterId);
        Assert.Contains("will be 5m late", assignment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_that_can_still_ship_on_time_goes_before_one_that_cannot_any_more()
    {
        var scenario = Scenario.Farm().Printer("p-1")
            .Job("job-lost", order: "ord-1", shipIn: TimeSpan.FromHours(1), express: true)
            .Job("job-savable", order: "ord-2", shipIn: TimeSpan.FromHours(3));

        Assert.Equal("job-savable", Assert.Single(scenario.Run()).JobId);
    }

    [Fact]
    public void A_swap_happens_when_the_work_queued_on_a_filament_is_more_than_its_printers_can_do_in_time()
    {
        // One printer has orange loaded and is busy; 30 hours of more urgent orange work are queued ahead.
        var scenario = Scenario.Farm().Printer("p-orange", colour: "orange", status: PrinterStatus.Busy).Printer("p-white", colour: "white");
        for (var i = 0; i < 3; i++)
        {
            scenario.Job($"job-ahead-{i}", order: $"ord-a{i}", colour: "orange", printTime: TimeSpan.FromHours(10), shipIn: TimeSpan.FromHours(40));
        }

        scenario.Job("job-1", order: "ord-1", colour: "orange", shipIn: TimeSpan.FromDays(3));
        scenario.Settings = SchedulingSettings.Default with { AllowSwaps = true };

        var assignment = Assert.Single(scenario.Run());

        // The first in line can wait for the orange printer; the one behind it would wait 10 h more, so it swaps.
        Assert.Equal(("job-ahead-1", "p-white", true), (assignment.JobId, assignment.PrinterId, assignment.FilamentSwap));
        Assert.Contains("about 10h 00m of more urgent work is queued for the printers that have it", assignment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_swap_takes_the_printer_whose_filament_the_queue_wants_least()
    {
        var scenario = Scenario.Farm().Printer("p-a-white", colour: "white").Printer("p-b-red", colour: "red")
            .Job("job-white", order: "ord-w", colour: "white", printTime: TimeSpan.FromHours(1), shipIn: TimeSpan.FromDays(4))
            .Job("job-orange", order: "ord-o", colour: "orange", shipIn: TimeSpan.FromHours(6));
        scenario.Settings = SchedulingSettings.Default with { AllowSwaps = true };

        var assignments = scenario.Run().ToDictionary(a => a.JobId, a => a.PrinterId);

        Assert.Equal("p-b-red", assignments["job-orange"]);
        Assert.Equal("p-a-white", assignments["job-white"]);
    }

    [Fact]
    public void A_lost_cause_late_by_more_than_two_days_is_back_in_deadline_order_so_it_never_starves()
    {
        var scenario = Scenario.Farm().Printer("p-1")
            .Job("job-very-late", order: "ord-1", shipIn: -TimeSpan.FromDays(3))
            .Job("job-savable", order: "ord-2", shipIn: TimeSpan.FromHours(5));

        var assignment = Assert.Single(scenario.Run());

        Assert.Equal("job-very-late", assignment.JobId);
        Assert.Contains("will be 3d 2h late", assignment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_units_of_an_order_that_is_late_anyway_yield_to_an_order_that_can_still_be_on_time()
    {
        var scenario = Scenario.Farm().Printer("p-1")
            .Job("job-lost-unit", order: "ord-1", shipIn: TimeSpan.FromHours(1), printTime: TimeSpan.FromHours(3))
            .Job("job-sibling", order: "ord-1", shipIn: TimeSpan.FromHours(1), printTime: TimeSpan.FromMinutes(30))
            .Job("job-savable", order: "ord-2", shipIn: TimeSpan.FromHours(6));
        scenario.Printer("p-2", status: PrinterStatus.Busy);

        Assert.Equal("job-savable", Assert.Single(scenario.Run()).JobId);
    }
}
