using MakerShop.Core;
using MakerShop.Web.Payments.Refunds;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace MakerShop.Web.Payments.Stripe;

/// <summary>
/// Refunds a Stripe Checkout payment in full: the session (stored as the payment's provider reference) names its
/// PaymentIntent, and a refund is created for it with the refund's id as idempotency key, so asking twice makes one
/// refund. Only succeeded means the money went back; pending or requires_action is taken but not yet paid (the
/// refund.updated / refund.failed webhooks finish it); failed or canceled is a refusal.
/// </summary>
public sealed class StripeRefunds(IHttpClientFactory httpClients, IOptions<StripeOptions> options, ILogger<StripeRefunds> logger) : IRefundProvider
{
    public string Name => StripeCheckoutProvider.ProviderName;

    public async Task<RefundAttempt> RefundAsync(Core.Refund refund, Payment payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refund);
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.ProviderReference is not { } sessionId)
        {
            return new RefundAttempt.Refused($"payment {payment.Id} has no Stripe Checkout Session to refund");
        }

        var settings = options.Value;
        var client = new StripeClient(
            apiKey: settings.SecretKey,
            httpClient: new SystemNetHttpClient(httpClients.CreateClient(StripeCheckoutProvider.HttpClientName), maxNetworkRetries: 2),
            apiBase: settings.ApiBase?.ToString().TrimEnd('/'));
        string? paymentIntentId = null;
        try
        {
            var session = await new SessionService(client).GetAsync(sessionId, cancellationToken: cancellationToken);
            paymentIntentId = session.PaymentIntentId;
            if (string.IsNullOrEmpty(session.PaymentIntentId))
            {
                return new RefundAttempt.Refused($"Stripe session {sessionId} has no payment to refund");
            }

            var created = await new RefundService(client).CreateAsync(
                new RefundCreateOptions
                {
                    PaymentIntent = session.PaymentIntentId,
                    Amount = StripeAmounts.ToStripe(refund.Amount),
                    Reason = RefundReasons.RequestedByCustomer,
                    Metadata = new Dictionary<string, string> { ["order_id"] = refund.OrderId, ["refund_id"] = refund.Id },
                },
                new RequestOptions { IdempotencyKey = refund.IdempotencyKey },
                cancellationToken);
            return FromStatus(created);
        }
        catch (StripeException ex) when (ex.StripeError?.Code == "charge_already_refunded" && paymentIntentId is not null)
        {
            // Refunded already: maybe by an earlier call of ours whose answer was lost (and whose idempotency key
            // Stripe has since forgotten). Our refund id in the metadata tells ours from one made elsewhere.
            var earlier = await new RefundService(client).ListAsync(
                new RefundListOptions { PaymentIntent = paymentIntentId, Limit = 100 }, cancellationToken: cancellationToken);
            var ours = earlier.Data.FirstOrDefault(r => r.Metadata is not null && r.Metadata.TryGetValue("refund_id", out var id) && id == refund.Id);
            if (ours is not null)
            {
                logger.LogInformation("Refund {RefundId} was already made at Stripe as {StripeRefundId}", refund.Id, ours.Id);
                return FromStatus(ours);
            }

            logger.LogWarning("Stripe refused refund {RefundId} of payment {PaymentId}: {Code}", refund.Id, payment.Id, ex.StripeError?.Code);
            return new RefundAttempt.Refused(ex.StripeError?.Message ?? ex.Message);
        }
        catch (StripeException ex) when (ex.HttpStatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.PaymentRequired)
        {
            // Stripe refused the request itself (already refunded, charge disputed, unknown intent): a result for the owner.
            logger.LogWarning("Stripe refused refund {RefundId} of payment {PaymentId}: {Code}", refund.Id, payment.Id, ex.StripeError?.Code);
            return new RefundAttempt.Refused(ex.StripeError?.Message ?? ex.Message);
        }
    }

    private static RefundAttempt FromStatus(global::Stripe.Refund refund) => refund.Status switch
    {
        "succeeded" => new RefundAttempt.Accepted(refund.Id),
        "pending" or "requires_action" => new RefundAttempt.Pending(refund.Id),
        _ => new RefundAttempt.Refused($"Stripe refund {refund.Id} is {refund.Status}: {refund.FailureReason ?? "no reason given"}"),
    };
}
