using MakerShop.Core;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace MakerShop.Web.Payments.Stripe;

/// <summary>
/// Stripe's webhook: the signature (Stripe-Signature, HMAC-SHA256 over the timestamp and the raw body) is checked by
/// Stripe.net against our signing secret with a replay tolerance; a forged or stale event is rejected and changes
/// nothing. A verified event is stored before it acts and is processed once, however often Stripe re-delivers it.
/// </summary>
public static class StripeWebhookEndpoint
{
    public const int MaxBodyBytes = 512 * 1024;

    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        IOptions<StripeOptions> options,
        PaymentStore payments,
        PaymentConfirmation confirmation,
        MakerShop.Web.Admin.Orders.RefundService refunds,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("MakerShop.Payments.StripeWebhook");
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Stripe is not configured", detail: "This shop takes no Stripe payments.");
        }

        if (request.ContentLength is > MaxBodyBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Webhook body too large");
        }

        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(
                json, request.Headers["Stripe-Signature"].ToString(), settings.WebhookSecret, settings.SignatureToleranceSeconds,
                time.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException ex)
        {
            logger.LogWarning("Rejected a Stripe webhook from {RemoteIp}: {Reason}", request.HttpContext.Connection.RemoteIpAddress, ex.Message);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Webhook signature not valid", detail: ex.Message);
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
