namespace MakerShop.Printers.Tests.Support;

internal static class Await
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Waits for something another task makes true (a websocket push), checking often, bounded by a timeout.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            try
            {
                await Task.Delay(20, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("Timed out waiting until " + what);
            }
        }
    }
}
