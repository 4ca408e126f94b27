using MakerShop.Core;

namespace MakerShop.Core.Tests.Notifications;

public sealed class DeliveryBackoffTests
{
    [Fact]
    public void Delays_double_from_thirty_seconds_and_stop_growing_at_the_cap()
    {
        var backoff = DeliveryBackoff.Default;

        Assert.Equal(TimeSpan.FromSeconds(30), backoff.DelayAfter(1));
        Assert.Equal(TimeSpan.FromMinutes(1), backoff.DelayAfter(2));
        Assert.Equal(TimeSpan.FromMinutes(2), backoff.DelayAfter(3));
        Assert.Equal(TimeSpan.FromMinutes(32), backoff.DelayAfter(7));
        Assert.Equal(TimeSpan.FromHours(1), backoff.DelayAfter(8));
        Assert.Equal(TimeSpan.FromHours(1), backoff.DelayAfter(500));
    }

    [Fact]
    public void After_the_last_attempt_there_is_no_next_one()
    {
        var backoff = new DeliveryBackoff(TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(10), 3);
        var now = new DateTimeOffset(2026, 12, 7, 20, 0, 0, TimeSpan.Zero);

        Assert.Equal(now.AddSeconds(1), backoff.NextAttemptAt(1, now));
        Assert.Equal(now.AddSeconds(2), backoff.NextAttemptAt(2, now));
        Assert.Null(backoff.NextAttemptAt(3, now));
    }
}
