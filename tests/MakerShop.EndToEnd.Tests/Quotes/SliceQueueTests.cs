using MakerShop.Slicing;
using MakerShop.Web.Quotes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MakerShop.EndToEnd.Tests.Quotes;

/// <summary>The slicing queue's rules on their own, with time driven by a fake clock.</summary>
public sealed class SliceQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task A_client_at_its_bound_is_refused_at_once_and_may_queue_again_once_a_slice_is_done()
    {
        var queue = Queue(slots: 1, perClient: 2);
        var running = await queue.EnterAsync("a");
        var waiting = queue.EnterAsync("a");

        var refused = await Assert.ThrowsAsync<TooManySlicesException>(() => queue.EnterAsync("a"));

        Assert.Equal(TimeSpan.FromSeconds(30), refused.RetryAfter);
        Assert.False(waiting.IsCompleted);
        running.Dispose();
        using var next = await waiting.WaitAsync(Patience);
        var again = queue.EnterAsync("a");
        Assert.False(again.IsCompleted);
        next.Dispose();
        (await again.WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public async Task A_free_slot_goes_to_the_client_served_least_recently_not_to_the_one_that_queued_first()
    {
        var queue = Queue(slots: 1, perClient: 5);
        var a1 = await queue.EnterAsync("a");
        var a2 = queue.EnterAsync("a");
        var a3 = queue.EnterAsync("a");
        var b1 = queue.EnterAsync("b");
        var c1 = queue.EnterAsync("c");

        a1.Dispose();
        var second = await b1.WaitAsync(Patience);
        Assert.False(a2.IsCompleted || c1.IsCompleted);
        second.Dispose();
        var third = await c1.WaitAsync(Patience);
        Assert.False(a2.IsCompleted);
        third.Dispose();
        (await a2.WaitAsync(Patience)).Dispose();
        (await a3.WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public async Task A_wait_longer_than_the_queue_timeout_gives_up_and_leaves_the_slot_to_the_next_client()
    {
        var queue = Queue(slots: 1, perClient: 2, timeoutSeconds: 120);
        var holder = await queue.EnterAsync("a");
        var waiting = queue.EnterAsync("b");

        _time.Advance(TimeSpan.FromSeconds(119));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(2));
        var timedOut = await Assert.ThrowsAsync<SliceQueueTimeoutException>(() => waiting.WaitAsync(Patience));

        Assert.Contains("120 s", timedOut.Message, StringComparison.Ordinal);
        var next = queue.EnterAsync("c");
        holder.Dispose();
        (await next.WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public async Task A_request_that_gives_up_while_waiting_frees_its_place_in_the_clients_bound()
    {
        var queue = Queue(slots: 1, perClient: 2);
        var holder = await queue.EnterAsync("a");
        using var cancel = new CancellationTokenSource();
        var waiting = queue.EnterAsync("a", cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        var replacement = queue.EnterAsync("a");
        holder.Dispose();
        holder.Dispose();
        (await replacement.WaitAsync(Patience)).Dispose();
        (await queue.EnterAsync("a").WaitAsync(Patience)).Dispose();
    }

    private SliceQueue Queue(int slots, int perClient, int timeoutSeconds = 120) => new(
        Microsoft.Extensions.Options.Options.Create(new SlicingOptions { MaxConcurrentSlices = slots, MaxQueuedPerClient = perClient, QueueTimeoutSeconds = timeoutSeconds }),
        _time,
        NullLogger<SliceQueue>.Instance);
}
