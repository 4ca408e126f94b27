using Microsoft.Extensions.Logging;

namespace MakerShop.FirmwareBridge;

/// <summary>
/// Runs one of the bridge's background loops for as long as the bridge runs: a loop that crashes (or returns) is
/// logged and started again after a delay that doubles up to <see cref="MaxDelay"/>, and goes back to the first
/// delay once the loop has run that long without trouble. Only cancellation of the bridge's token ends it.
/// </summary>
internal sealed class SupervisedLoop(string name, string printerId, TimeSpan firstDelay, TimeProvider timeProvider, ILogger logger)
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    private readonly TimeSpan firstDelay = firstDelay > TimeSpan.Zero ? firstDelay : TimeSpan.FromMilliseconds(100);
    private int restarts;

    /// <summary>How many times the loop was started again; for tests and diagnostics.</summary>
    public int Restarts => Volatile.Read(ref restarts);

    public async Task RunAsync(Func<CancellationToken, Task> loop, CancellationToken cancellationToken)
    {
        var delay = firstDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            var startedAt = timeProvider.GetTimestamp();
            try
            {
                await loop(cancellationToken);
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                logger.LogError("Printer {PrinterId} bridge loop {Loop} ended on its own; restarting it in {Delay}", printerId, name, delay);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Printer {PrinterId} bridge loop {Loop} crashed; restarting it in {Delay}", printerId, name, delay);
            }

            if (timeProvider.GetElapsedTime(startedAt) >= MaxDelay)
            {
                delay = firstDelay;
            }

            try
            {
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Interlocked.Increment(ref restarts);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }
}
