using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>An integrator's endpoint as stored; the secret leaves the store only for signing and the one-time display.</summary>
public sealed record WebhookEndpoint(string Id, Uri Url, string? Description, IReadOnlyList<ShopEventType> Events, string Secret, DateTimeOffset CreatedAt);
