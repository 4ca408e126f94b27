namespace MakerShop.Core;

/// <summary>
/// When a failed webhook delivery is tried again: <see cref="First"/> after the first failure, multiplied by
/// <see cref="Factor"/> after each further one, never more than <see cref="Cap"/> apart, and given up after
/// <see cref="MaxAttempts"/> attempts (the owner can still send it again by hand).
/// </summary>
public sealed record DeliveryBackoff(TimeSpan First, double Factor, TimeSpan Cap, int MaxAttempts)
{
    /// <summary>30 s, 1 min, 2 min … at most 1 h apart, 12 attempts: about 8 hours of trying.</summary>
    public static DeliveryBackoff Default { get; } = new(TimeSpan.FromSeconds(30), 2, TimeSpan.FromHours(1), 12);

    /// <summary>How long to wait after attempt number <paramref name="failedAttempt"/> (1 = the first) failed.</summary>
    public TimeSpan DelayAfter(int failedAttempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempt, 1);
        var seconds = First.TotalSeconds * Math.Pow(Factor, failedAttempt - 1);
        return double.IsFinite(seconds) && seconds < Cap.TotalSeconds ? TimeSpan.FromSeconds(seconds) : Cap;
    }

    /// <summary>When to try again after <paramref name="failedAttempt"/> failed at <paramref name="now"/>, or null when it was the last.</summary>
    public DateTimeOffset? NextAttemptAt(int failedAttempt, DateTimeOffset now) =>
        failedAttempt >= MaxAttempts ? null : now + DelayAfter(failedAttempt);
}
