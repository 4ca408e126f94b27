namespace MakerShop.Core.Tests;

public class DeterminismTests
{
    [Fact]
    public void The_same_inputs_in_any_order_give_the_same_assignments()
    {
        var scenario = Scenario.Farm().Maker("m-de2", "DE");
        string[] makers = ["m-de", "m-fr", "m-gb", "m-us", "m-de2"];
        string[] colours = ["black", "white", "red"];
        for (var i = 0; i < 40; i++)
        {
            scenario.Printer($"p-{i:00}", maker: makers[i % makers.Length], colour: colours[i % colours.Length]);
        }

        string[] destinations = ["DE", "FR", "GB", "US", "IT", "JP"];
        for (var i = 0; i < 200; i++)
        {
            // Many equal jobs, so only the tie-breaks decide between them.
            scenario.Job($"job-{i:000}", order: $"ord-{i / 3}", destination: destinations[(i / 3) % destinations.Length],
                colour: colours[i % colours.Length], shipIn: TimeSpan.FromHours(6 + (i % 4) * 24));
        }

        scenario.Settings = SchedulingSettings.Default with { AllowSwaps = true };
        var snapshot = scenario.Snapshot();
        var shuffled = snapshot with
        {
            QueuedJobs = [.. snapshot.QueuedJobs.Reverse()],
            Printers = [.. snapshot.Printers.OrderBy(p => p.Id.GetHashCode(StringComparison.Ordinal))],
            Makers = [.. snapshot.Makers.Reverse()],
        };
        var policy = new ShipOnTimeSchedulingPolicy();

        var first = policy.Schedule(snapshot);
        var again = policy.Schedule(snapshot);
        var fromShuffled = policy.Schedule(shuffled);

        Assert.Equal(40, first.Count);
        Assert.Equal(first, again);
        Assert.Equal(first.OrderBy(a => a.JobId, StringComparer.Ordinal), fromShuffled.OrderBy(a => a.JobId, StringComparer.Ordinal));
    }
}
