using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MakerShop.Shipping.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MakerShop.EndToEnd.Tests.Payments;

/// <summary>
/// Stripe's Checkout Session retrieval and Refund creation as documented in its API reference: Bearer secret key (401
/// without it), form-encoded bodies, the Idempotency-Key header (the same key answers the first result again),
/// refund objects with status "succeeded" (or "pending", moved on later by refund.updated / refund.failed events), and invalid_request_error 400s (charge_already_refunded, resource_missing).
/// </summary>
public sealed class FakeStripe(string secretKey) : LoopbackApp
{
    private readonly ConcurrentDictionary<string, string> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _byIdempotencyKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _refundedByIntent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _amountByIntent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _refundsById = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _pendingIntents = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private int _sequence;

    /// <summary>Every refund Stripe created (one per idempotency key), with the form it was created from.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> CreatedRefunds { get; } = new();

    /// <summary>Idempotency keys of every refund request, repeats included.</summary>
    public ConcurrentQueue<string> RefundRequestKeys { get; } = new();

    /// <summary>A completed Checkout Session paid through a PaymentIntent for <paramref name="amount"/>.</summary>
    public void AddPaidSession(string sessionId, string paymentIntentId, long amount)
    {
        _sessions[sessionId] = paymentIntentId;
        _amountByIntent[paymentIntentId] = amount;
    }

    /// <summary>The next refund creations are made but answered 500 (their replays too): the caller never learns of them.</summary>
    public int LoseAnswers { get; set; }

    /// <summary>Stripe keeps idempotency keys for 24 hours; this is those hours passing.</summary>
    public void ForgetIdempotencyKeys() => _byIdempotencyKey.Clear();

    /// <summary>Refunds of this PaymentIntent are answered "pending" (as Stripe does for e.g. some bank debits): the money moves later.</summary>
    public void AnswerPending(string paymentIntentId) => _pendingIntents[paymentIntentId] = true;

    /// <summary>
    /// The refund object as Stripe's refund.updated / refund.failed event carries it, after Stripe moved it to
    /// <paramref name="status"/> (failed refunds carry a failure_reason, e.g. "expired_or_canceled_card").
    /// </summary>
    public JsonObject RefundAfterwards(string refundId, string status, string? failureReason = null)
    {
        var refund = (JsonObject)_refundsById[refundId].DeepClone();
        refund["status"] = status;
        if (failureReason is not null)
        {
            refund["failure_reason"] = failureReason;
        }

        return refund;
    }

    protected override void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization.ToString() != $"Bearer {secretKey}")
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsJsonAsync(Error("authentication_error", null, "Invalid API Key provided."));
                return;
            }

            await next(context);
        });
        app.MapGet("/v1/checkout/sessions/{id}", (string id) => _sessions.TryGetValue(id, out var intent)
            ? Results.Json(new JsonObject
            {
                ["id"] = id,
                ["object"] = "checkout.session",
                ["amount_total"] = _amountByIntent[intent],
                ["currency"] = "eur",
                ["mode"] = "payment",
                ["payment_intent"] = intent,
                ["payment_status"] = "paid",
                ["status"] = "complete",
            })
            : Results.Json(Error("invalid_request_error", "resource_missing", $"No such checkout.session: '{id}'"), statusCode: 404));
        app.MapPost("/v1/refunds", CreateRefundAsync);
        app.MapGet("/v1/refunds", (string? payment_intent) => Results.Json(new JsonObject
        {
            ["object"] = "list",
            ["url"] = "/v1/refunds",
            ["has_more"] = false,
            ["data"] = new JsonArray([.. _refundsById.Values.Where(r => r["payment_intent"]!.GetValue<string>() == payment_intent)
                .OrderBy(r => r["id"]!.GetValue<string>(), StringComparer.Ordinal).Select(r => (JsonNode)r.DeepClone())]),
        }));
    }

    private async Task<IResult> CreateRefundAsync(HttpRequest request)
    {
        var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var key = request.Headers["Idempotency-Key"].ToString();
        RefundRequestKeys.Enqueue(key);

        // Stripe never makes two objects for one idempotency key, even for requests that overlap; serialising is the simple model of that.
        await _oneAtATime.WaitAsync();
        try
        {
            var result = Create(form, key);
            if (LoseAnswers > 0)
            {
                LoseAnswers--;
                return Results.Json(Error("api_error", null, "An unknown error occurred."), statusCode: 500);
            }

            return result;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private IResult Create(Dictionary<string, string> form, string key)
    {
        if (key.Length > 0 && _byIdempotencyKey.TryGetValue(key, out var earlier))
        {
            return Results.Json(earlier);
        }

        if (!form.TryGetValue("payment_intent", out var intent) || !_amountByIntent.TryGetValue(intent, out var charged))
        {
            return Results.Json(Error("invalid_request_error", "resource_missing", $"No such payment_intent: '{form.GetValueOrDefault("payment_intent")}'"), statusCode: 400);
        }

        var amount = form.TryGetValue("amount", out var text) ? long.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : charged;
        if (_refundedByIntent.GetValueOrDefault(intent) + amount > charged)
        {
            return Results.Json(Error("invalid_request_error", "charge_already_refunded", $"Charge for {intent} has already been refunded."), statusCode: 400);
        }

        _refundedByIntent.AddOrUpdate(intent, amount, (_, done) => done + amount);
        var refund = new JsonObject
        {
            ["id"] = $"re_test_{Interlocked.Increment(ref _sequence)}",
            ["object"] = "refund",
            ["amount"] = amount,
            ["charge"] = "ch_" + intent[3..],
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["currency"] = "eur",
            ["metadata"] = new JsonObject(form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal))
                .Select(f => KeyValuePair.Create<string, JsonNode?>(f.Key[9..^1], f.Value))),
            ["payment_intent"] = intent,
            ["reason"] = form.GetValueOrDefault("reason"),
            ["status"] = _pendingIntents.ContainsKey(intent) ? "pending" : "succeeded",
        };
        _refundsById[refund["id"]!.GetValue<string>()] = refund;
        CreatedRefunds.Enqueue(form);
        if (key.Length > 0)
        {
            _byIdempotencyKey[key] = refund;
        }

        return Results.Json(refund);
    }

    private static JsonObject Error(string type, string? code, string message) =>
        new() { ["error"] = new JsonObject { ["type"] = type, ["code"] = code, ["message"] = message } };
}
