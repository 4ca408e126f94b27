namespace MakerShop.Storage.Stores;

/// <summary>
/// How much of the queue one dispatch pass reads: the first <paramref name="PerFilament"/> jobs of each filament, in
/// deadline order (the ship-on-time policy) or oldest first (FIFO), for at most <paramref name="MaxFilaments"/> filaments.
/// </summary>
public sealed record QueueWindow(int PerFilament, bool DeadlineOrder, int MaxFilaments = 100)
{
    public static QueueWindow Default { get; } = new(200, DeadlineOrder: true);
}
