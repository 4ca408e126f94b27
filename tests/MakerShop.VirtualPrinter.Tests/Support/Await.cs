namespace MakerShop.VirtualPrinter.Tests.Support;

internal static class Await
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Polls a condition that has no event to wait on, bounded by a timeout.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            try
            {
                await Task.Delay(5, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("Timed out waiting until " + what);
            }
        }
    }
}
