namespace MakerShop.Shipping.Tracking;

/// <summary>A webhook as received: the raw body bytes (signatures are over these, never over re-serialised JSON),
/// the headers and the query string.</summary>
public sealed record WebhookRequest(ReadOnlyMemory<byte> Body, Func<string, string?> Header, Func<string, string?> Query);
