namespace MakerShop.Core;

/// <summary>
/// One thing to tell one person on one channel. <see cref="SubjectKey"/> is what repeats group by (a printer's id, an
/// order's id); <see cref="SubjectLabel"/> is how people know it ("Demo printer 1", "MS-1042").
/// </summary>
public sealed record NotificationItem(
    string UserId, NotificationChannel Channel, NotificationTopic Topic, string SubjectKey, string SubjectLabel, string? Detail, DateTimeOffset At);
