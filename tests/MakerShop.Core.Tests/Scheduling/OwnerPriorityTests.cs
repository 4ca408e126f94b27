namespace MakerShop.Core.Tests;

public sealed class OwnerPriorityTests
{
    [Fact]
    public void A_job_the_owner_moved_up_goes_before_an_express_job_due_sooner()
    {
        var scenario = Scenario.Farm().Printer("p-1")
            .Job("job-express", order: "ord-1", shipIn: TimeSpan.FromHours(5), express: true)
            .Job("job-moved-up", order: "ord-2", shipIn: TimeSpan.FromDays(4))
            .Prioritise("job-moved-up", 1);

        var assignment = Assert.Single(scenario.Run());

        Assert.Equal("job-moved-up", assignment.JobId);
        Assert.StartsWith("owner priority 1; ", assignment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_the_owner_moved_down_waits_behind_jobs_that_are_due_later()
    {
        var scenario = Scenario.Farm().Printer("p-1")
            .Job("job-due-soon", order: "ord-1", shipIn: TimeSpan.FromHours(6))
            .Job("job-due-later", order: "ord-2", shipIn: TimeSpan.FromDays(4))
            .Prioritise("job-due-soon", -1);

        Assert.Equal("job-due-later", Assert.Single(scenario.Run()).JobId);
    }

    [Fact]
    public void A_job_the_owner_moved_up_does_not_wait_for_a_closer_printer()
    {
        var scenario = Scenario.Farm().Printer("p-de", maker: "m-de", status: PrinterStatus.Busy).Printer("p-us", maker: "m-us")
            .Job("job-1", destination: "FR", shipIn: TimeSpan.FromDays(4))
            .Prioritise("job-1", 1);

        var assignment = Assert.Single(scenario.Run());

        Assert.Equal("p-us", assignment.PrinterId);
        Assert.Contains("moved up by the owner, so it does not wait for a closer printer", assignment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fifo_policy_also_takes_the_owners_priority_before_age()
    {
        var scenario = Scenario.Farm().Printer("p-1")
            .Job("job-old", order: "ord-1", queuedAgo: TimeSpan.FromHours(5))
            .Job("job-new", order: "ord-2", queuedAgo: TimeSpan.FromMinutes(1))
            .Prioritise("job-new", 3);

        Assert.Equal("job-new", Assert.Single(scenario.Run(new FifoSchedulingPolicy())).JobId);
    }

    [Fact]
    public void Moving_up_swaps_with_exactly_the_job_above_and_the_queue_order_shows_it()
    {
        var scenario = Scenario.Farm()
            .Job("job-a", order: "ord-1", shipIn: TimeSpan.FromHours(10))
            .Job("job-b", order: "ord-2", shipIn: TimeSpan.FromHours(20))
            .Job("job-c", order: "ord-3", shipIn: TimeSpan.FromHours(30));
        var jobs = scenario.Snapshot().QueuedJobs;
        var before = ShipOnTimeSchedulingPolicy.QueueOrder(jobs, Scenario.Now);
        Assert.Equal(["job-a", "job-b", "job-c"], before.Select(j => j.Id));

        Apply(OwnerPriority.SwapWithNext(before, 1));

        Assert.Equal(["job-a", "job-c", "job-b"], ShipOnTimeSchedulingPolicy.QueueOrder(jobs, Scenario.Now).Select(j => j.Id));
    }

    [Fact]
    public void Moving_down_swaps_with_exactly_the_job_below_and_leaves_a_prioritised_job_above_alone()
    {
        var scenario = Scenario.Farm()
            .Job("job-top", order: "ord-0", shipIn: TimeSpan.FromHours(40))
            .Job("job-a", order: "ord-1", shipIn: TimeSpan.FromHours(10))
            .Job("job-b", order: "ord-2", shipIn: TimeSpan.FromHours(20))
            .Job("job-c", order: "ord-3", shipIn: TimeSpan.FromHours(30))
            .Prioritise("job-top", 50);
        var jobs = scenario.Snapshot().QueuedJobs;
        var before = ShipOnTimeSchedulingPolicy.QueueOrder(jobs, Scenario.Now);
        Assert.Equal(["job-top", "job-a", "job-b", "job-c"], before.Select(j => j.Id));

        var changes = OwnerPriority.SwapWithNext(before, 1);
        Apply(changes);

        Assert.Equal(["job-top", "job-b", "job-a", "job-c"], ShipOnTimeSchedulingPolicy.QueueOrder(jobs, Scenario.Now).Select(j => j.Id));
        Assert.DoesNotContain(changes, c => c.Job.Id is "job-top" or "job-c");
        Assert.Equal(50, jobs.Single(j => j.Id == "job-top").Priority);
    }

    [Fact]
    public void Moves_follow_the_fifo_policys_own_order_when_it_is_the_configured_one()
    {
        var scenario = Scenario.Farm()
            .Job("job-old", order: "ord-1", queuedAgo: TimeSpan.FromHours(5), shipIn: TimeSpan.FromDays(5))
            .Job("job-mid", order: "ord-2", queuedAgo: TimeSpan.FromHours(3), shipIn: TimeSpan.FromHours(8))
            .Job("job-new", order: "ord-3", queuedAgo: TimeSpan.FromHours(1), shipIn: TimeSpan.FromDays(3));
        var fifo = new FifoSchedulingPolicy();
        var jobs = scenario.Snapshot().QueuedJobs;
        var before = fifo.QueueOrder(jobs, Scenario.Now);
        Assert.Equal(["job-old", "job-mid", "job-new"], before.Select(j => j.Id));

        Apply(OwnerPriority.SwapWithNext(before, 1));

        Assert.Equal(["job-old", "job-new", "job-mid"], fifo.QueueOrder(jobs, Scenario.Now).Select(j => j.Id));
    }

    [Fact]
    public void A_move_that_would_need_a_priority_above_the_highest_is_refused_without_changing_anything()
    {
        var scenario = Scenario.Farm()
            .Job("job-a", order: "ord-1", shipIn: TimeSpan.FromHours(10))
            .Job("job-b", order: "ord-2", shipIn: TimeSpan.FromHours(20))
            .Prioritise("job-a", OwnerPriority.Highest)
            .Prioritise("job-b", OwnerPriority.Highest);
        var jobs = scenario.Snapshot().QueuedJobs;
        var before = ShipOnTimeSchedulingPolicy.QueueOrder(jobs, Scenario.Now);

        var error = Assert.Throws<DomainValidationException>(() => OwnerPriority.SwapWithNext(before, 0));

        Assert.Equal("move", error.Field);
        Assert.All(jobs, j => Assert.Equal(OwnerPriority.Highest, j.Priority));
    }

    private static void Apply(IReadOnlyList<(PrintJob Job, int Priority)> changes)
    {
        foreach (var (job, priority) in changes)
        {
            job.SetPriority(priority, Scenario.Now);
        }
    }

    [Fact]
    public void Held_jobs_come_last_in_the_queue_order_whatever_their_priority()
    {
        var scenario = Scenario.Farm()
            .Job("job-held", order: "ord-1", shipIn: TimeSpan.FromHours(3), held: true)
            .Job("job-free", order: "ord-2", shipIn: TimeSpan.FromDays(3));

        Assert.Equal(["job-free", "job-held"], ShipOnTimeSchedulingPolicy.QueueOrder(scenario.Snapshot().QueuedJobs, Scenario.Now).Select(j => j.Id));
    }

    [Fact]
    public void A_priority_outside_the_owners_range_or_on_a_running_job_is_refused()
    {
        var job = Build.Job();
        var error = Assert.Throws<DomainValidationException>(() => job.SetPriority(OwnerPriority.Highest + 1, Build.T0));
        Assert.Equal("priority", error.Field);

        var running = Build.JobIn(PrintJobStatus.Printing);
        Assert.Throws<InvalidTransitionException>(() => running.SetPriority(5, Build.T0));
    }
}
