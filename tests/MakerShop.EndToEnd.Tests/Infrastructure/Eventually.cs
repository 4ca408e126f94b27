namespace MakerShop.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Waits for a condition that another process makes true (a host, a bridge, a printer), checking it on a short
/// interval up to a deadline. Observing over HTTP leaves no event to await; the deadline keeps a failure fast and loud.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<Task<string>> describeFailure)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(describeFailure);
        using var timer = new PeriodicTimer(Interval);
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                Assert.Fail($"Timed out after {timeout}: {await describeFailure()}");
            }

            await timer.WaitForNextTickAsync();
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, () => Task.FromResult(what));

    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        UntilAsync(condition, timeout, () => Task.FromResult(what));
}
