namespace MakerShop.Core.Tests;

public class FirstFitSchedulingPolicyTests
{
    private static readonly FirstFitSchedulingPolicy Policy = new();

    [Fact]
    public void Job_goes_to_the_first_ready_printer_by_id_with_a_readable_reason()
    {
        var assignments = Policy.Schedule([Build.Job("job-1")], [Build.Printer("printer-b"), Build.Printer("printer-a")]);

        var assignment = Assert.Single(assignments);
        Assert.Equal(new JobAssignment("job-1", "printer-a", "first ready printer with PLA/black loaded and a 250×210×210 mm volume"), assignment);
    }

    [Theory]
    [InlineData("PETG", "black")]
    [InlineData("PLA", "white")]
    public void Printer_with_other_material_or_colour_is_skipped(string material, string colour)
    {
        var assignments = Policy.Schedule(
            [Build.Job("job-1", material: "PLA", colour: "black")],
            [Build.Printer("printer-a", material: material, colour: colour), Build.Printer("printer-b")]);

        Assert.Equal("printer-b", Assert.Single(assignments).PrinterId);
    }

    [Fact]
    public void Material_and_colour_match_ignores_case() =>
        Assert.Single(Policy.Schedule([Build.Job(material: "pla", colour: "Black")], [Build.Printer(material: "PLA", colour: "black")]));

    [Fact]
    public void Part_too_big_for_the_volume_is_skipped()
    {
        var job = Build.Job(size: new Size3(200, 200, 200));

        var assignments = Policy.Schedule(
            [job], [Build.Printer("printer-a", volume: new Size3(180, 180, 180)), Build.Printer("printer-b", volume: new Size3(250, 210, 210))]);

        Assert.Equal("printer-b", Assert.Single(assignments).PrinterId);
        Assert.Empty(Policy.Schedule([Build.Job(size: new Size3(100, 100, 300))], [Build.Printer()]));
    }

    [Fact]
    public void Part_that_fits_only_when_turned_is_scheduled() =>
        Assert.Single(Policy.Schedule([Build.Job(size: new Size3(200, 240, 50))], [Build.Printer(volume: new Size3(250, 210, 210))]));

    [Fact]
    public void A_printer_takes_one_job_per_pass()
    {
        var assignments = Policy.Schedule([Build.Job("job-1"), Build.Job("job-2"), Build.Job("job-3")], [Build.Printer("printer-a"), Build.Printer("printer-b")]);

        Assert.Equal(["job-1:printer-a", "job-2:printer-b"], assignments.Select(a => $"{a.JobId}:{a.PrinterId}"));
    }

    [Fact]
    public void Express_jobs_go_first_then_earliest_ship_by_then_longest_waiting()
    {
        var t = Build.T0;
        var jobs = new[]
        {
            Build.Job("late-ship", shipBy: t.AddDays(9)),
            Build.Job("waited-less", shipBy: t.AddDays(3), queuedAt: t.AddMinutes(5)),
            Build.Job("express", express: true, shipBy: t.AddDays(20)),
            Build.Job("waited-more", shipBy: t.AddDays(3), queuedAt: t),
        };
        var printers = new[] { Build.Printer("p-1"), Build.Printer("p-2"), Build.Printer("p-3") };

        var assignments = Policy.Schedule(jobs, printers);

        Assert.Equal(["express:p-1", "waited-more:p-2", "waited-less:p-3"], assignments.Select(a => $"{a.JobId}:{a.PrinterId}"));
    }

    [Theory]
    [InlineData(PrinterStatus.Offline, true)]
    [InlineData(PrinterStatus.NeedsBedClear, true)]
    [InlineData(PrinterStatus.Busy, true)]
    [InlineData(PrinterStatus.Paused, true)]
    [InlineData(PrinterStatus.Error, true)]
    [InlineData(PrinterStatus.Idle, false)]
    public void Printer_that_is_not_ready_is_skipped(PrinterStatus status, bool inService)
    {
        var notReady = Build.Printer("printer-a", status: status, inService: inService);

        var assignments = Policy.Schedule([Build.Job()], [notReady, Build.Printer("printer-b")]);

        Assert.Equal("printer-b", Assert.Single(assignments).PrinterId);
    }

    [Fact]
    public void Only_queued_jobs_are_considered()
    {
        var assignments = Policy.Schedule(
            [Build.JobIn(PrintJobStatus.Failed, "job-failed"), Build.JobIn(PrintJobStatus.Assigned, "job-assigned"), Build.Job("job-queued")],
            [Build.Printer()]);

        Assert.Equal("job-queued", Assert.Single(assignments).JobId);
    }

    [Fact]
    public void Scheduling_is_deterministic_whatever_the_input_order()
    {
        var jobs = Enumerable.Range(0, 12)
            .Select(i => Build.Job($"job-{i:00}", colour: i % 3 == 0 ? "red" : "black", express: i % 5 == 0, shipBy: Build.T0.AddDays(1 + (i % 4))))
            .ToArray();
        var printers = Enumerable.Range(0, 6)
            .Select(i => Build.Printer($"printer-{i}", colour: i % 2 == 0 ? "red" : "black"))
            .ToArray();

        var expected = Policy.Schedule(jobs, printers);
        var shuffled = Policy.Schedule([.. jobs.Reverse()], [.. printers.Reverse()]);

        Assert.Equal(6, expected.Count);
        Assert.Equal(expected, shuffled);
    }

    [Fact]
    public void Nothing_to_schedule_gives_no_assignments()
    {
        Assert.Empty(Policy.Schedule([], [Build.Printer()]));
        Assert.Empty(Policy.Schedule([Build.Job()], []));
    }
}
