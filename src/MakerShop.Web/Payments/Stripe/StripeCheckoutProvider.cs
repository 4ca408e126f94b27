using MakerShop.Core;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace MakerShop.Web.Payments.Stripe;

/// <summary>
/// Stripe Checkout: one session per payment for exactly the order's total in the currency the customer saw. The
/// payment id is the session's client reference and its idempotency key, so a double-clicked "pay" makes one session.
/// </summary>
public sealed class StripeCheckoutProvider(IHttpClientFactory httpClients, IOptions<StripeOptions> options) : IPaymentProvider
{
    public const string ProviderName = "stripe";
    public const string HttpClientName = "stripe";

    public string Name => ProviderName;

    public async Task<PaymentStart> StartAsync(Payment payment, Order order, Uri returnUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(returnUrl);
        var settings = options.Value;
        var client = new StripeClient(
            apiKey: settings.SecretKey,
            httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName), maxNetworkRetries: 2),
            apiBase: settings.ApiBase?.ToString().TrimEnd('/'));
        var session = await new SessionService(client).CreateAsync(
            new SessionCreateOptions
            {
                Mode = "payment",
                ClientReferenceId = payment.Id,
                CustomerEmail = order.CustomerEmail,
                Metadata = new Dictionary<string, string> { ["order_id"] = order.Id, ["payment_id"] = payment.Id },
                LineItems =
                [
                    new SessionLineItemOptions
                    {
                        Quantity = 1,
                        PriceData = new SessionLineItemPriceDataOptions
                        {
                            Currency = payment.Amount.Currency.Code.ToLowerInvariant(),
                            UnitAmount = StripeAmounts.ToStripe(payment.Amount),
                            ProductData = new SessionLineItemPriceDataProductDataOptions { Name = $"MakerShop order {order.Id}" },
                        },
                    },
                ],
                SuccessUrl = returnUrl.ToString(),
                // Back from "cancel", the confirmation page offers to pay by card again.
                CancelUrl = $"{returnUrl}{(returnUrl.Query.Length > 0 ? "&" : "?")}cancelled=true",
            },
            new RequestOptions { IdempotencyKey = payment.Id },
            cancellationToken);
        return new PaymentStart(new Uri(session.Url), null) { ProviderReference = session.Id };
    }
}
