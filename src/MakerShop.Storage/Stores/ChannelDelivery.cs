namespace MakerShop.Storage.Stores;

/// <summary>One webhook delivery from a channel as stored, with what became of it.</summary>
public sealed record ChannelDelivery(
    long Id,
    string Channel,
    string WebhookId,
    string? EventId,
    string Topic,
    string ShopDomain,
    string? ApiVersion,
    string Body,
    DateTimeOffset ReceivedAt,
    string State,
    int Attempts,
    string? Outcome,
    string? OrderId,
    DateTimeOffset? ProcessedAt);
