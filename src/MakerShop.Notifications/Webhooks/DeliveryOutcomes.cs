namespace MakerShop.Notifications.Webhooks;

/// <summary>What an attempt came to, as stored in the log (pages put these in words).</summary>
public static class DeliveryOutcomes
{
    public const string Delivered = "Delivered";
    public const string HttpError = "HttpError";
    public const string Timeout = "Timeout";
    public const string ConnectionFailed = "ConnectionFailed";
    public const string Refused = "Refused";
}
