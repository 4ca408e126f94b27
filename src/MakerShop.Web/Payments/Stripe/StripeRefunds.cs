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
        try
        {
            var session = await new SessionService(client).GetAsync(sessionId, cancellationToken: cancellationToken);
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
                new RequestOptions { IdempotencyKey = refund.Id },
                cancellationToken);
            return created.Status switch
            {
                "succeeded" => new RefundAttempt.Accepted(created.Id),
                "pending" or "requires_action" => new RefundAttempt.Pending(created.Id),
                _ => new RefundAttempt.Refused($"Stripe refund {created.Id} is {created.Status}: {created.FailureReason ?? "no reason given"}"),
            };
        }
        catch (StripeException ex) when (ex.HttpStatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.PaymentRequired)
        {
            // Stripe refused the request itself (already refunded, charge disputed, unknown intent): a result for the owner.
            logger.LogWarning("Stripe refused refund {RefundId} of payment {PaymentId}: {Code}", refund.Id, payment.Id, ex.StripeError?.Code);
            return new RefundAttempt.Refused(ex.StripeError?.Message ?? ex.Message);
        }
    }
}
