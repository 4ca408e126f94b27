namespace MakerShop.Shipping.Tracking;

/// <summary>The outcome of checking a webhook's authenticity; a rejection says why, for the log (never the secret).</summary>
public sealed record WebhookVerification(bool IsAuthentic, string? Reason)
{
    public static readonly WebhookVerification Authentic = new(true, null);

    public static WebhookVerification Rejected(string reason) => new(false, reason);
}
