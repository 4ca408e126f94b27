namespace MakerShop.Core;

/// <summary>Exponential back-off: the first delay after the first failed attempt, doubling after each, never above the cap.</summary>
public static class RetryBackoff
{
    public static TimeSpan Delay(int failedAttempts, TimeSpan first, TimeSpan max)
    {
        if (failedAttempts <= 1)
        {
            return first;
        }

        var doublings = Math.Min(failedAttempts - 1, 30);
        var ticks = first.Ticks * Math.Pow(2, doublings);
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
