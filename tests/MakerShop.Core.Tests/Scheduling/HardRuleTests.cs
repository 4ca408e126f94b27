namespace MakerShop.Core.Tests;

/// <summary>Each hard rule on its own: the job goes to the printer that meets it and never to the one that does not.</summary>
public class HardRuleTests
{
    [Theory]
    [InlineData(PrinterStatus.Offline)]
    [InlineData(PrinterStatus.Busy)]
    [InlineData(PrinterStatus.Paused)]
    [InlineData(PrinterStatus.Error)]
    [InlineData(PrinterStatus.NeedsBedClear)]
    public void A_printer_that_is_not_online_and_idle_gets_no_job(PrinterStatus status)
    {
        var scenario = Scenario.Farm().Printer("p-1", status: status).Job("job-1");

        Assert.Empty(scenario.Run());
        Assert.Equal("p-2", scenario.Printer("p-2").PrinterOf("job-1"));
    }

    [Fact]
    public void An_idle_printer_whose_bed_is_not_confirmed_clear_gets_no_job()
    {
        var scenario = Scenario.Farm().Printer("p-1", bedClear: false).Job("job-1");

        Assert.Empty(scenario.Run());
    }

    [Fact]
    public void A_printer_out_of_service_gets_no_job() =>
        Assert.Empty(Scenario.Farm().Printer("p-1", inService: false).Job("job-1").Run());

    [Fact]
    public void A_printer_of_an_inactive_maker_gets_no_job()
    {
        var scenario = Scenario.Farm().Maker("m-gone", "DE", active: false).Printer("p-1", maker: "m-gone").Job("job-1");

        Assert.Empty(scenario.Run());
        Assert.Equal("p-2", scenario.Printer("p-2", maker: "m-fr").PrinterOf("job-1"));
    }

    [Fact]
    public void A_part_that_does_not_fit_the_build_volume_waits_for_a_bigger_printer()
    {
        var scenario = Scenario.Farm().Printer("p-small", volume: new Size3(180, 180, 180)).Job("job-1", size: new Size3(200, 150, 100));

        Assert.Empty(scenario.Run());
        Assert.Equal("p-big", scenario.Printer("p-big", volume: new Size3(300, 300, 300)).PrinterOf("job-1"));
    }

    [Fact]
    public void A_job_sliced_for_one_printer_model_waits_for_that_model_even_when_a_bigger_printer_is_free()
    {
        var standard = new PrinterModel("marlin-250x210x210", new Size3(250, 210, 210), 0.4);
        var scenario = Scenario.Farm().Printer("p-xl", volume: new Size3(350, 350, 350)).Job("job-1", size: new Size3(100, 100, 50), printerModel: standard);

        Assert.Empty(scenario.Run());
        Assert.Equal("p-standard", scenario.Printer("p-standard", volume: new Size3(250, 210, 210)).PrinterOf("job-1"));
    }

    [Fact]
    public void A_warping_material_goes_only_to_an_enclosed_printer()
    {
        var scenario = Scenario.Farm().Printer("p-open", material: "ABS").Job("job-1", material: "ABS");

        Assert.Empty(scenario.Run());
        Assert.Equal("p-enclosed", scenario.Printer("p-enclosed", material: "ABS", enclosed: true).PrinterOf("job-1"));
    }

    [Fact]
    public void An_abrasive_material_goes_only_to_a_hardened_nozzle()
    {
        var scenario = Scenario.Farm().Printer("p-brass", material: "PLA-CF").Job("job-1", material: "PLA-CF");

        Assert.Empty(scenario.Run());
        Assert.Equal("p-steel", scenario.Printer("p-steel", material: "PLA-CF", hardenedNozzle: true).PrinterOf("job-1"));
    }

    [Theory]
    [InlineData("PETG", "black")]
    [InlineData("PLA", "white")]
    public void Without_swaps_a_job_goes_only_where_its_material_and_colour_are_loaded(string material, string colour)
    {
        var scenario = Scenario.Farm().Printer("p-other", material: material, colour: colour).Job("job-1", material: "PLA", colour: "black");

        Assert.Empty(scenario.Run());
        Assert.Equal("p-match", scenario.Printer("p-match").PrinterOf("job-1"));
    }

    [Fact]
    public void Material_and_colour_match_ignores_case() =>
        Assert.Single(Scenario.Farm().Printer("p-1", material: "pla", colour: "Black").Job("job-1", material: "PLA", colour: "black").Run());

    [Fact]
    public void Where_the_owner_allows_swaps_a_job_may_go_to_another_filament_with_the_swap_counted()
    {
        var scenario = Scenario.Farm().Printer("p-white", colour: "white").Job("job-1", shipIn: TimeSpan.FromHours(8));
        scenario.Settings = SchedulingSettings.Default with { AllowSwaps = true };

        var assignment = Assert.Single(scenario.Run());

        Assert.True(assignment.FilamentSwap);
        Assert.Contains("needs a filament swap from PLA/white to PLA/black (+15m): no online printer has it loaded", assignment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_held_job_stays_queued()
    {
        var scenario = Scenario.Farm().Printer("p-1").Job("job-held", held: true).Job("job-free", order: "ord-2");

        Assert.Equal(["job-free"], scenario.Run().Select(a => a.JobId));
    }

    [Fact]
    public void A_pinned_job_waits_for_its_printer_and_goes_nowhere_else()
    {
        var scenario = Scenario.Farm().Printer("p-1").Printer("p-2", status: PrinterStatus.Busy).Job("job-1", pinnedTo: "p-2");

        Assert.Empty(scenario.Run());
    }

    [Fact]
    public void A_pinned_job_takes_its_printer_before_a_more_urgent_job_that_could_go_anywhere()
    {
        var scenario = Scenario.Farm().Printer("p-1").Printer("p-2")
            .Job("job-pinned", pinnedTo: "p-2", shipIn: TimeSpan.FromDays(4))
            .Job("job-urgent", order: "ord-2", shipIn: TimeSpan.FromHours(5));

        var assignments = scenario.Run().ToDictionary(a => a.JobId, a => a.PrinterId);

        Assert.Equal("p-2", assignments["job-pinned"]);
        Assert.Equal("p-1", assignments["job-urgent"]);
        Assert.Contains("pinned by the owner", scenario.Run().Single(a => a.JobId == "job-pinned").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_printer_gets_one_job_per_pass_and_a_job_one_printer()
    {
        var scenario = Scenario.Farm().Printer("p-1").Printer("p-2");
        for (var i = 0; i < 5; i++)
        {
            scenario.Job($"job-{i}", order: $"ord-{i}");
        }

        var assignments = scenario.Run();

        Assert.Equal(2, assignments.Count);
        Assert.Equal(2, assignments.Select(a => a.PrinterId).Distinct().Count());
        Assert.Equal(2, assignments.Select(a => a.JobId).Distinct().Count());
    }
}
