using MakerShop.Bench.Soak;
using MakerShop.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MakerShop.EndToEnd.Tests.Soak;

/// <summary>
/// The CI run of the accelerated soak (issue 19): the real host as a child process on a real Mosquitto, 20 virtual
/// printers with their bridges, a simulated day of orders (5 % of them corrupted, 5 % of G-code lines rejected by the
/// printers), and one kill -9 of the host, one of the broker and two bridge restarts at random moments. Nothing here
/// waits a fixed time for production: the run drains until no job is left, within a generous bound.
/// </summary>
public sealed class ShortSoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_simulated_day_with_host_broker_and_bridge_restarts_prints_every_unit_exactly_once_and_leaves_no_job_stuck()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var result = await SoakRun.RunAsync(SoakOptions.ContinuousIntegration, output.WriteLine, timeout.Token);
        output.WriteLine(SoakReport.Format(result));

        Assert.Equal(1, result.HostRestarts);
        Assert.Equal(1, result.BrokerRestarts);
        Assert.Equal(2, result.BridgeRestarts);
        Assert.True(result.Outcome.OrdersAccepted > 0, "No order was accepted.");
        Assert.True(result.Drained, "Production did not drain: jobs were still queued or on printers at the end.");
        Assert.Equal(0, result.Lost);
        Assert.Equal(0, result.Duplicates);
        Assert.Equal(0, result.Outcome.StuckJobs);
        Assert.Equal(0, result.Outcome.OrdersUnfinished);
        Assert.Equal(result.Outcome.Units, result.Outcome.UnitsPrintedOnce + result.Outcome.UnitsFailedWithReason);
        Assert.Equal(0, result.GoodRefused);
        Assert.Equal(0, result.Outcome.CorruptStored);
        Assert.All(result.CorruptOutcomes.Keys, outcome => Assert.StartsWith("refused 400", outcome, StringComparison.Ordinal));
    }
}
