using System.Security.Cryptography;
using System.Text;
using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Security;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace MakerShop.Web.Payments.Stripe;

/// <summary>
/// Stripe's webhook. The body is bounded before it is read (<see cref="StripeOptions.MaxWebhookBodyBytes"/>) and its
/// signature (Stripe-Signature: HMAC-SHA256 over "{timestamp}.{raw body}" with our signing secret, within a replay
/// window) is computed while it streams in: an unsigned, stale, forged or oversized request is refused and nothing of it
/// is stored. A verified event is stored before it acts and is processed once, however often Stripe re-delivers it.
/// </summary>
public static class StripeWebhookEndpoint
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        IOptions<StripeOptions> options,
        PaymentStore payments,
        PaymentConfirmation confirmation,
        MakerShop.Web.Admin.Orders.RefundService refunds,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var logger = loggers.CreateLogger("MakerShop.Payments.StripeWebhook");
        var settings = options.Value;
        var sender = context.Connection.RemoteIpAddress?.ToString();
        if (!settings.Enabled)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Stripe is not configured", detail: "This shop takes no Stripe payments.");
        }

        if (BoundedBody.Limit(context, settings.MaxWebhookBodyBytes))
        {
            logger.LogWarning("Refused a Stripe webhook from {RemoteIp}: it declares {Length} bytes, more than {MaxBytes}", sender, context.Request.ContentLength, settings.MaxWebhookBodyBytes);
            return TooLarge(settings.MaxWebhookBodyBytes);
        }

        if (StripeSignatureHeader.Parse(context.Request.Headers["Stripe-Signature"].ToString()) is not { } header)
        {
            return Rejected(logger, sender, "no Stripe-Signature header with a timestamp and a v1 signature");
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(header.Timestamp, 0, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        if ((time.GetUtcNow() - signedAt).Duration() > TimeSpan.FromSeconds(settings.SignatureToleranceSeconds))
        {
            return Rejected(logger, sender, $"signed at {signedAt:O}, outside the {settings.SignatureToleranceSeconds} second window (replayed?)");
        }

        byte[]? body;
        bool authentic;
        using (var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(settings.WebhookSecret!)))
        {
            hmac.AppendData(Encoding.UTF8.GetBytes(header.Prefix));
            body = await BoundedBody.ReadAsync(context, settings.MaxWebhookBodyBytes, hmac.AppendData, cancellationToken);
            authentic = body is not null && header.Matches(hmac.GetHashAndReset());
        }

        if (body is null)
        {
            logger.LogWarning("Refused a Stripe webhook from {RemoteIp}: its body is larger than {MaxBytes} bytes", sender, settings.MaxWebhookBodyBytes);
            return TooLarge(settings.MaxWebhookBodyBytes);
        }

        if (!authentic)
        {
            return Rejected(logger, sender, "the signature does not match the body");
        }

        string json;
        Event stripeEvent;
        try
        {
            json = StrictUtf8.GetString(body);
            stripeEvent = EventUtility.ParseEvent(json, throwOnApiVersionMismatch: false);
        }
        catch (Exception ex) when (ex is DecoderFallbackException or System.Text.Json.JsonException or Newtonsoft.Json.JsonException or StripeException)
        {
            // Signed by our secret yet unreadable: a bug on the sender's side or a leaked secret; either way it is logged
            // with its sender and nothing is stored that a later replay would trip over.
            logger.LogWarning("A signed Stripe webhook from {RemoteIp} could not be read ({Error}); nothing is stored", sender,
                ex is DecoderFallbackException ? "not valid UTF-8" : ex.GetType().Name);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The webhook body could not be read.",
                detail: ex is DecoderFallbackException ? "The body is not valid UTF-8." : "The body is not a Stripe event in JSON.");
        }

        if (stripeEvent?.Id is null)
        {
            logger.LogWarning("A signed Stripe webhook from {RemoteIp} has no event id; nothing is stored", sender);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The webhook body could not be read.", detail: "The event has no id.");
        }

        if (await payments.IsEventProcessedAsync(StripeCheckoutProvider.ProviderName, stripeEvent.Id, cancellationToken))
        {
            return Results.Ok(new { received = true, duplicate = true });
        }

        await payments.RecordEventAsync(StripeCheckoutProvider.ProviderName, stripeEvent.Id, stripeEvent.Type, json, time.GetUtcNow(), cancellationToken);
        var outcome = stripeEvent.Data.Object is global::Stripe.Refund refund
            ? await ProcessRefundAsync(stripeEvent, refund, refunds, cancellationToken)
            : await ProcessAsync(stripeEvent, payments, confirmation, time, logger, cancellationToken);
        await payments.MarkEventProcessedAsync(StripeCheckoutProvider.ProviderName, stripeEvent.Id, outcome, time.GetUtcNow(), cancellationToken);
        return Results.Ok(new { received = true, outcome });
    }

    private static IResult TooLarge(int maxBytes) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Webhook body too large", detail: $"Stripe webhooks are limited to {maxBytes:N0} bytes.");

    private static IResult Rejected(ILogger logger, string? sender, string reason)
    {
        logger.LogWarning("Rejected a Stripe webhook from {RemoteIp}: {Reason}", sender, reason);
        return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Webhook signature not valid", detail: reason);
    }

    /// <summary>refund.updated / refund.failed: the refund we asked for, found by the refund id we put in its metadata.</summary>
    private static async Task<string> ProcessRefundAsync(Event stripeEvent, global::Stripe.Refund refund, MakerShop.Web.Admin.Orders.RefundService refunds, CancellationToken cancellationToken)
    {
        if (stripeEvent.Type is not ("refund.updated" or "refund.failed"))
        {
            return "ignored: " + stripeEvent.Type;
        }

        if (refund.Metadata is null || !refund.Metadata.TryGetValue("refund_id", out var refundId) || string.IsNullOrEmpty(refundId))
        {
            return "ignored: the refund has no refund_id in its metadata";
        }

        var status = stripeEvent.Type == "refund.failed" && refund.Status is not ("failed" or "canceled") ? "failed" : refund.Status;
        return await refunds.ApplyProviderStatusAsync(refundId, refund.Id, status, refund.FailureReason, cancellationToken);
    }

    private static async Task<string> ProcessAsync(Event stripeEvent, PaymentStore payments, PaymentConfirmation confirmation, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        if (stripeEvent.Data.Object is not Session session)
        {
            return "ignored: not a Checkout Session event";
        }

        var paymentId = session.ClientReferenceId;
        if (string.IsNullOrEmpty(paymentId))
        {
            return "ignored: the session has no client reference";
        }

        switch (stripeEvent.Type)
        {
            case EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded when session.PaymentStatus == "paid":
                try
                {
                    var received = StripeAmounts.FromStripe(session.AmountTotal ?? 0, session.Currency ?? "");
                    var result = await confirmation.ConfirmAsync(paymentId, received, $"stripe event {stripeEvent.Id}", cancellationToken);
                    return result.ToString();
                }
                catch (DomainException ex)
                {
                    logger.LogWarning("Stripe session {SessionId} for payment {PaymentId} not accepted: {Reason}", session.Id, paymentId, ex.Message);
                    return "refused: " + ex.Message;
                }

            case EventTypes.CheckoutSessionCompleted:
                // Paid later by a delayed method (bank debit): the async_payment_succeeded event will confirm it.
                return "waiting for an asynchronous payment";

            case EventTypes.CheckoutSessionExpired or EventTypes.CheckoutSessionAsyncPaymentFailed:
                var payment = await payments.GetAsync(paymentId, cancellationToken);
                if (payment is { Status: PaymentStatus.Pending })
                {
                    payment.Fail(stripeEvent.Type, time.GetUtcNow());
                    await payments.FailAsync(payment, cancellationToken);
                    return "failed";
                }

                return "ignored: payment not pending";

            default:
                return "ignored: " + stripeEvent.Type;
        }
    }
}
