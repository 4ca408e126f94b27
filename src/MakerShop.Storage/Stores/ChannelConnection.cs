namespace MakerShop.Storage.Stores;

/// <summary>A connected sales channel as the owner set it up; the secrets are shown masked, never in full.</summary>
public sealed record ChannelConnection(
    string Channel,
    string ShopDomain,
    string WebhookSecret,
    string? PreviousWebhookSecret,
    DateTimeOffset? SecretRotatedAt,
    string AccessToken,
    DateTimeOffset ConnectedAt,
    DateTimeOffset UpdatedAt);
