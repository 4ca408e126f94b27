using System.Security.Cryptography;
using System.Text;

namespace MakerShop.EndToEnd.Tests.Payments;

/// <summary>
/// Stripe's documented Checkout Session webhook event (the shape of its API reference example), and its signature
/// scheme: "t=timestamp,v1=hex(HMAC-SHA256(secret, timestamp + '.' + body))" in the Stripe-Signature header.
/// </summary>
public static class StripeEvents
{
    public const string WebhookSecret = "whsec_test_makershop_0123456789abcdef";

    public static string CheckoutSession(string eventId, string type, string paymentId, long amountTotal, string currency, string paymentStatus = "paid") =>
        $$"""
        {
          "id": "{{eventId}}",
          "object": "event",
          "api_version": "2024-06-20",
          "created": 1732700000,
          "livemode": false,
          "pending_webhooks": 1,
          "request": { "id": null, "idempotency_key": null },
          "type": "{{type}}",
          "data": {
            "object": {
              "id": "cs_test_a1b2c3d4e5",
              "object": "checkout.session",
              "amount_subtotal": {{amountTotal}},
              "amount_total": {{amountTotal}},
              "client_reference_id": "{{paymentId}}",
              "currency": "{{currency}}",
              "customer_details": { "email": "ada@example.com", "name": "Ada Lovelace" },
              "livemode": false,
              "metadata": { "payment_id": "{{paymentId}}" },
              "mode": "payment",
              "payment_intent": "pi_3MtwBwLkdIwHu7ix28a3tqPa",
              "payment_status": "{{paymentStatus}}",
              "status": "complete",
              "url": null
            }
          }
        }
        """;

    /// <summary>A refund.updated or refund.failed event: Stripe's event envelope around the refund object.</summary>
    public static string RefundEvent(string eventId, string type, System.Text.Json.Nodes.JsonObject refund) =>
        new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = eventId,
            ["object"] = "event",
            ["api_version"] = "2024-06-20",
            ["created"] = 1732700500,
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new System.Text.Json.Nodes.JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
            ["data"] = new System.Text.Json.Nodes.JsonObject { ["object"] = refund.DeepClone() },
        }.ToJsonString();

    public static string Sign(string payload, DateTimeOffset at, string secret = WebhookSecret)
    {
        var timestamp = at.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}
