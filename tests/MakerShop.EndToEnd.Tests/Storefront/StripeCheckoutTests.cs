using System.Net;
using System.Text;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.EndToEnd.Tests.Payments;

namespace MakerShop.EndToEnd.Tests.Storefront;

public sealed class StripeCheckoutTests
{
    [Fact]
    public async Task Paying_by_card_sends_the_visitor_to_a_stripe_session_for_the_landed_total_and_its_webhook_pays_the_order()
    {
        await using var stripe = await FakeStripeCheckoutSessions.StartAsync();
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with
        {
            ExtraArgs =
            [
                "--MakerShop:Payments:Stripe:SecretKey=sk_test_makershop",
                $"--MakerShop:Payments:Stripe:WebhookSecret={StripeEvents.WebhookSecret}",
                $"--MakerShop:Payments:Stripe:ApiBase={stripe.BaseUrl}",
            ],
        });
        using var visitor = new StorefrontVisitor(shop);
        const string email = "card@example.com";
        await visitor.AddProductAsync("calibration-cube", "PLA|black", 2);
        await visitor.GetAsync("/checkout");
        Assert.Contains("data-testid=\"payment-stripe\"", visitor.Html, StringComparison.Ordinal);
        await visitor.PostAsync("/checkout?handler=Review", [.. StorefrontVisitor.GermanCustomer(email), .. visitor.CheckoutState()]);
        List<KeyValuePair<string, string>> form = [.. StorefrontVisitor.GermanCustomer(email).Where(f => f.Key != "Form.PaymentMethod"), new("Form.PaymentMethod", "stripe"), .. visitor.CheckoutState()];

        using var placed = await visitor.PostAsync("/checkout?handler=Place", form);

        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        Assert.Equal("https://checkout.stripe.test/c/pay/cs_test_1", placed.Headers.Location?.ToString());
        var session = Assert.Single(stripe.Sessions);
        Assert.Equal((3029L, "eur"), (session.UnitAmount, session.Currency));
        Assert.Equal(session.ClientReferenceId, session.IdempotencyKey);
        Assert.Contains("/checkout/done/ord_", session.SuccessUrl, StringComparison.Ordinal);
        var orderId = await shop.TextAsync($"SELECT id FROM orders WHERE customer_email = '{email}'");
        Assert.Equal("cs_test_1", await shop.TextAsync($"SELECT provider_reference FROM payments WHERE order_id = '{orderId}'"));
        Assert.Equal("Placed", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{orderId}'"));

        // Stripe's signed "completed" event for that amount pays the order; the return page then says so.
        var body = StripeEvents.CheckoutSession("evt_card", "checkout.session.completed", session.ClientReferenceId, 3029, "eur");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/stripe/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", StripeEvents.Sign(body, DateTimeOffset.UtcNow));
        using var stripeItself = shop.Anonymous();
        using var webhook = await stripeItself.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);
        Assert.NotEqual("Placed", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{orderId}'"));
        using var back = await visitor.GetAsync(new Uri(session.SuccessUrl).PathAndQuery);
        Assert.Contains("data-testid=\"paid\"", visitor.Html, StringComparison.Ordinal);
    }
}
