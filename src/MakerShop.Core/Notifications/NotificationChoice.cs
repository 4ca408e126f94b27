namespace MakerShop.Core;

/// <summary>One tick on a person's settings page: this topic reaches me on this channel.</summary>
public readonly record struct NotificationChoice(NotificationTopic Topic, NotificationChannel Channel);
