namespace MakerShop.Core;

/// <summary>What a person reads: a short title (push notification, e-mail subject) and a line or two of text.</summary>
public sealed record NotificationMessage(string Title, string Body);
