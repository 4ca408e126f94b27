namespace MakerShop.Web.Security;

/// <summary>
/// Counts failed attempts (wrong secrets, wrong keys) per key, usually a client address, in a sliding window. Once a key
/// has <c>limit</c> failures in the window it is blocked until the oldest of them leaves the window: a guesser gets
/// <c>limit</c> tries per window however fast it sends, and a blocked attempt is refused without looking at its secret.
/// </summary>
public sealed class FailureThrottle(int limit, TimeSpan window, TimeProvider time, int maxTrackedKeys = 10_000)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int Limit => limit;

    /// <summary>How many keys it remembers now (bounded by maxTrackedKeys).</summary>
    public int TrackedKeys
    {
        get
        {
            lock (_gate)
            {
                return _failures.Count;
            }
        }
    }

    /// <summary>Whether the key may not try now, and when it may again.</summary>
    public bool IsBlocked(string key, out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_failures.TryGetValue(key, out var times))
            {
                Expire(times, now);
                if (times.Count >= limit)
                {
                    retryAfter = times.Peek() + window - now;
                    return true;
                }
            }

            retryAfter = TimeSpan.Zero;
            return false;
        }
    }

    /// <summary>Records one failure; true when this one is the failure that blocks the key (log it once, then).</summary>
    public bool RecordFailure(string key)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_failures.TryGetValue(key, out var times))
            {
                if (_failures.Count >= maxTrackedKeys)
                {
                    Prune(now);
                }

                times = new Queue<DateTimeOffset>();
                _failures[key] = times;
            }

            Expire(times, now);
            times.Enqueue(now);
            return times.Count == limit;
        }
    }

    private void Expire(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() + window <= now)
        {
            times.Dequeue();
        }
    }

    // Bounded memory under a spray from many addresses: forget keys with nothing left in the window, and if that is not
    // enough, the least-failing ones (they are the furthest from being blocked).
    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, times) in _failures)
        {
            Expire(times, now);
            if (times.Count == 0)
            {
                _failures.Remove(key);
            }
        }

        if (_failures.Count >= maxTrackedKeys)
        {
            foreach (var key in _failures.OrderBy(e => e.Value.Count).Take(_failures.Count - (maxTrackedKeys / 2)).Select(e => e.Key).ToList())
            {
                _failures.Remove(key);
            }
        }
    }
}
