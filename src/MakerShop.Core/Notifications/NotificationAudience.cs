namespace MakerShop.Core;

/// <summary>
/// Who may be told what. The owner may choose every topic. A maker sees only their own printers and jobs, so they
/// may choose only the printer topics, and hear only about their own printers; orders and payments stay the owner's.
/// </summary>
public static class NotificationAudience
{
    private static readonly NotificationTopic[] PrinterTopics =
        [NotificationTopic.PrintFailed, NotificationTopic.BedNeedsClearing, NotificationTopic.PrinterOfflineMidPrint];

    public static IReadOnlyList<NotificationTopic> TopicsFor(UserRole role) =>
        role == UserRole.Owner ? Enum.GetValues<NotificationTopic>() : PrinterTopics;

    /// <summary>Whether <paramref name="person"/> may hear about an event of <paramref name="topic"/> on a printer of <paramref name="subjectMakerId"/>.</summary>
    public static bool Concerns(UserAccount person, NotificationTopic topic, string? subjectMakerId)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.Disabled)
        {
            return false;
        }

        return person.Role == UserRole.Owner
            || (PrinterTopics.Contains(topic) && person.MakerId is not null && string.Equals(person.MakerId, subjectMakerId, StringComparison.Ordinal));
    }
}
