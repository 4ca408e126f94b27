namespace MakerShop.Core;

/// <summary>How a person is reached.</summary>
public enum NotificationChannel
{
    Email,
    Ntfy,
    Discord,
    Telegram,
}
