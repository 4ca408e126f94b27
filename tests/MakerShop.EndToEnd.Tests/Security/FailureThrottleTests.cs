using MakerShop.Web.Security;
using Microsoft.Extensions.Time.Testing;

namespace MakerShop.EndToEnd.Tests.Security;

/// <summary>The sliding-window limiter behind the broker's login and the owner key throttles.</summary>
public sealed class FailureThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_key_is_blocked_at_the_limit_until_its_oldest_failure_leaves_the_window()
    {
        var throttle = new FailureThrottle(3, TimeSpan.FromMinutes(5), _clock);

        Assert.False(throttle.RecordFailure("10.0.0.1"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(throttle.RecordFailure("10.0.0.1"));
        Assert.False(throttle.IsBlocked("10.0.0.1", out _));
        Assert.True(throttle.RecordFailure("10.0.0.1"));

        Assert.True(throttle.IsBlocked("10.0.0.1", out var retryAfter));
        Assert.Equal(TimeSpan.FromMinutes(4), retryAfter);
        Assert.False(throttle.IsBlocked("10.0.0.2", out _));

        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.False(throttle.IsBlocked("10.0.0.1", out _));
        // One more try, and the limit is reached again.
        Assert.True(throttle.RecordFailure("10.0.0.1"));
        Assert.True(throttle.IsBlocked("10.0.0.1", out _));
    }

    [Fact]
    public void A_spray_from_many_addresses_keeps_memory_bounded_and_still_blocks_the_busiest()
    {
        var throttle = new FailureThrottle(3, TimeSpan.FromMinutes(5), _clock, maxTrackedKeys: 100);
        throttle.RecordFailure("attacker");
        throttle.RecordFailure("attacker");
        for (var i = 0; i < 1_000; i++)
        {
            throttle.RecordFailure($"10.1.{i / 256}.{i % 256}");
        }

        var blocks = throttle.RecordFailure("attacker");

        Assert.True(blocks);
        Assert.InRange(throttle.TrackedKeys, 1, 100);
        Assert.True(throttle.IsBlocked("attacker", out _));
        Assert.False(throttle.IsBlocked("10.1.0.0", out _));
    }
}
