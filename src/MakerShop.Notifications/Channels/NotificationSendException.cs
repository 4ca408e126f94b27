namespace MakerShop.Notifications.Channels;

/// <summary>A channel's server refused or could not take a message (an HTTP error answer, a mail server's refusal).</summary>
public sealed class NotificationSendException(string message, Exception? inner = null) : IOException(message, inner);
