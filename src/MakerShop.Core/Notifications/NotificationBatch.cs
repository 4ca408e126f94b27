namespace MakerShop.Core;

/// <summary>
/// Repeats of one topic about one subject for one person and channel, held until <see cref="DueAt"/> and then sent as
/// one message ("3 prints failed on Demo printer 1"), so a failing printer does not bury its owner in messages.
/// </summary>
public sealed record NotificationBatch(
    string UserId, NotificationChannel Channel, NotificationTopic Topic, string SubjectKey, string SubjectLabel,
    int Count, string? LastDetail, DateTimeOffset FirstAt, DateTimeOffset DueAt)
{
    public static NotificationBatch Open(NotificationItem item, NotificationGrouping grouping)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(grouping);
        return new NotificationBatch(item.UserId, item.Channel, item.Topic, item.SubjectKey, item.SubjectLabel, 1, item.Detail, item.At, item.At + grouping.Window);
    }

    /// <summary>Whether <paramref name="item"/> joins this batch: same person, channel, topic and subject, before the batch is due.</summary>
    public bool Takes(NotificationItem item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.UserId == UserId && item.Channel == Channel && item.Topic == Topic && item.SubjectKey == SubjectKey && now < DueAt;
    }

    public NotificationBatch Absorb(NotificationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return this with { Count = Count + 1, LastDetail = item.Detail ?? LastDetail, SubjectLabel = item.SubjectLabel };
    }

    public bool IsDue(DateTimeOffset now) => now >= DueAt;
}
