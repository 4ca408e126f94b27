using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MakerShop.FirmwareBridge.Tests.Bridge;

public sealed class SupervisedLoopTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task A_crashed_loop_is_started_again_after_a_growing_delay()
    {
        using var stopping = new CancellationTokenSource();
        var loop = new SupervisedLoop("test", "printer-1", TimeSpan.FromSeconds(1), time, NullLogger.Instance);
        var starts = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        var running = loop.RunAsync(
            async token =>
            {
                starts.Enqueue(time.GetUtcNow());
                if (starts.Count < 3)
                {
                    throw new InvalidOperationException("boom");
                }

                await Task.Delay(Timeout.InfiniteTimeSpan, token);
            },
            stopping.Token);

        // Fake time moves in small steps, so each restart shows up soon after its delay (with slack for a busy machine).
        var step = TimeSpan.FromMilliseconds(100);
        await Support.Await.UntilAsync(
            () =>
            {
                time.Advance(step);
                return starts.Count == 3;
            },
            "the loop ran a third time");
        await stopping.CancelAsync();
        await running.WaitAsync(Support.Await.Timeout);

        var at = starts.ToArray();
        Assert.InRange(at[1] - at[0], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5));
        Assert.InRange(at[2] - at[1], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.5));
        Assert.Equal((3, 2), (at.Length, loop.Restarts));
    }

    [Fact]
    public async Task A_loop_is_not_restarted_once_the_bridge_is_stopping()
    {
        using var stopping = new CancellationTokenSource();
        var loop = new SupervisedLoop("test", "printer-1", TimeSpan.FromSeconds(1), time, NullLogger.Instance);
        var runs = 0;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = loop.RunAsync(
            async token =>
            {
                Interlocked.Increment(ref runs);
                started.TrySetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
            },
            stopping.Token);
        await started.Task.WaitAsync(Support.Await.Timeout);

        await stopping.CancelAsync();
        await running.WaitAsync(Support.Await.Timeout);
        time.Advance(SupervisedLoop.MaxDelay);

        Assert.Equal((1, 0), (Volatile.Read(ref runs), loop.Restarts));
    }
}
