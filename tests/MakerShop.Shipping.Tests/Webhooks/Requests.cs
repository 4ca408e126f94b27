using MakerShop.Shipping.Tracking;

namespace MakerShop.Shipping.Tests.Webhooks;

internal static class Requests
{
    public static WebhookRequest With(string body, IReadOnlyDictionary<string, string>? headers = null, IReadOnlyDictionary<string, string>? query = null) =>
        new(ProviderExamples.Bytes(body),
            name => headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value,
            name => query is not null && query.TryGetValue(name, out var value) ? value : null);
}
