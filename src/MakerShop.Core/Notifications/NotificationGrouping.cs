namespace MakerShop.Core;

/// <summary>
/// The grouping rule: the first event of a kind about a subject opens a batch that stays open for <see cref="Window"/>;
/// repeats inside it are counted into that batch, which is sent once when the window ends. An event after that opens a
/// new batch.
/// </summary>
public sealed record NotificationGrouping(TimeSpan Window)
{
    /// <summary>Adds <paramref name="item"/> to the open batch it belongs to, or opens one; returns the batches as they now stand.</summary>
    public IReadOnlyList<NotificationBatch> Add(IReadOnlyList<NotificationBatch> open, NotificationItem item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(open);
        var result = new List<NotificationBatch>(open.Count + 1);
        var absorbed = false;
        foreach (var batch in open)
        {
            if (!absorbed && batch.Takes(item, now))
            {
                result.Add(batch.Absorb(item));
                absorbed = true;
            }
            else
            {
                result.Add(batch);
            }
        }

        if (!absorbed)
        {
            result.Add(NotificationBatch.Open(item, this));
        }

        return result;
    }
}
