using System.Text;
using System.Text.Unicode;
using MakerShop.Storage.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MakerShop.Channels.Shopify;

/// <summary>
/// The way in for Shopify webhooks, answered well within Shopify's 5 seconds: the raw body is read (bounded), its
/// signature checked against the connected store's secret (and the previous one for a while after a rotation), and
/// only then stored in the channel inbox; processing happens after the answer. A forged, unsigned or oversized
/// delivery stores nothing; a redelivery (same webhook id) is answered and does nothing.
/// </summary>
public sealed class ShopifyWebhookIntake(
    ChannelConnectionStore connections,
    ChannelDeliveryStore deliveries,
    DeliveryWork work,
    IOptions<ShopifyOptions> options,
    TimeProvider time,
    ILogger<ShopifyWebhookIntake> logger)
{
    public async Task<ShopifyIntakeResult> ReceiveAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var remote = context.Connection.RemoteIpAddress?.ToString();
        var maxBytes = options.Value.MaxBodyBytes;
        if (request.ContentLength > maxBytes)
        {
            logger.LogWarning("Refused a Shopify webhook from {RemoteAddress}: it declares {Length} bytes, more than {MaxBytes}", remote, request.ContentLength, maxBytes);
            return new ShopifyIntakeResult.TooLarge(maxBytes);
        }

        if (string.IsNullOrWhiteSpace(request.Headers[ShopifyHmac.Header]))
        {
            return Rejected(remote, "the delivery is not signed (no X-Shopify-Hmac-SHA256 header)");
        }

        var connection = await connections.GetAsync(SalesChannels.Shopify, cancellationToken);
        if (connection is null)
        {
            return Rejected(remote, "no Shopify store is connected");
        }

        var body = await ReadBoundedAsync(context, maxBytes, cancellationToken);
        if (body is null)
        {
            logger.LogWarning("Refused a Shopify webhook from {RemoteAddress}: its body is larger than {MaxBytes} bytes", remote, maxBytes);
            return new ShopifyIntakeResult.TooLarge(maxBytes);
        }

        if (!ShopifyHmac.IsAuthentic(body, request.Headers[ShopifyHmac.Header], SecretsOf(connection)))
        {
            return Rejected(remote, "the signature does not match the connected store's webhook secret");
        }

        var domain = Header(request, ShopifyWebhookHeaders.ShopDomain);
        if (domain is not null && !string.Equals(domain, connection.ShopDomain, StringComparison.OrdinalIgnoreCase))
        {
            return Rejected(remote, $"the delivery is from {domain}, not the connected store");
        }

        var topic = Header(request, ShopifyWebhookHeaders.Topic);
        var webhookId = Header(request, ShopifyWebhookHeaders.WebhookId);
        if (topic is null || webhookId is null)
        {
            return new ShopifyIntakeResult.Unreadable("X-Shopify-Topic and X-Shopify-Webhook-Id are required.");
        }

        if (!ShopifyTopics.IsHandled(topic))
        {
            logger.LogInformation("Shopify webhook {WebhookId} on topic {Topic} is not one the shop handles; nothing is stored", webhookId, topic);
            return new ShopifyIntakeResult.Ignored(topic);
        }

        // The inbox keeps the body as text to process and replay it later: bytes that are not UTF-8 would not survive.
        if (!Utf8.IsValid(body))
        {
            return new ShopifyIntakeResult.Unreadable("The body is not valid UTF-8.");
        }

        var stored = await deliveries.TryAddAsync(SalesChannels.Shopify, webhookId, Header(request, ShopifyWebhookHeaders.EventId), topic,
            domain ?? connection.ShopDomain, Header(request, ShopifyWebhookHeaders.ApiVersion), Encoding.UTF8.GetString(body), time.GetUtcNow(), cancellationToken);
        if (!stored)
        {
            logger.LogInformation("Shopify webhook {WebhookId} was already received; nothing changes", webhookId);
            return new ShopifyIntakeResult.Duplicate(webhookId);
        }

        logger.LogInformation("Stored Shopify webhook {WebhookId} ({Topic})", webhookId, topic);
        work.Wake();
        return new ShopifyIntakeResult.Stored(webhookId);
    }

    private IEnumerable<string> SecretsOf(ChannelConnection connection)
    {
        yield return connection.WebhookSecret;
        if (connection.PreviousWebhookSecret is { Length: > 0 } previous && connection.SecretRotatedAt is { } rotated
            && time.GetUtcNow() - rotated <= options.Value.PreviousSecretGrace)
        {
            yield return previous;
        }
    }

    private static async Task<byte[]?> ReadBoundedAsync(HttpContext context, int maxBytes, CancellationToken cancellationToken)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1L;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException)
        {
            return null;
        }

        return buffer.ToArray();
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString().Trim() : null;

    private ShopifyIntakeResult.Rejected Rejected(string? remote, string reason)
    {
        logger.LogWarning("Rejected a Shopify webhook from {RemoteAddress}: {Reason}", remote, reason);
        return new ShopifyIntakeResult.Rejected(reason);
    }
}
