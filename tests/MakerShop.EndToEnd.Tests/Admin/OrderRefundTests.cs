using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.EndToEnd.Tests.Payments;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Payments;
using MakerShop.Web.Payments.Stripe;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Admin;

/// <summary>The owner refunds orders through the API: Stripe against its documented refund endpoint, bank transfers by hand.</summary>
public sealed class OrderRefundTests : IAsyncLifetime
{
    private const string SecretKey = "sk_test_makershop_refunds";
    private readonly FakeStripe stripe = new(SecretKey);
    private TestShop shop = null!;

    public async Task InitializeAsync()
    {
        await stripe.StartAsync();
        shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with
        {
            ExtraArgs =
            [
                "--MakerShop:Payments:ConfirmOnPlacement=false",
                $"--MakerShop:Payments:Stripe:SecretKey={SecretKey}",
                $"--MakerShop:Payments:Stripe:WebhookSecret={StripeEvents.WebhookSecret}",
                $"--MakerShop:Payments:Stripe:ApiBase={stripe.BaseAddress}",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        await shop.DisposeAsync();
        await stripe.DisposeAsync();
    }

    [Fact]
    public async Task A_double_clicked_stripe_refund_cancels_the_jobs_and_refunds_once_with_the_refund_id_as_idempotency_key()
    {
        var (orderId, payment) = await PaidOrderAsync(StripeCheckoutProvider.ProviderName, quantity: 2);

        var responses = await Task.WhenAll(PostAsync($"/api/admin/orders/{orderId}/refund"), PostAsync($"/api/admin/orders/{orderId}/refund"));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var refund = Assert.Single(stripe.CreatedRefunds);
        Assert.Equal("pi_" + payment.Id, refund["payment_intent"]);
        Assert.Equal(payment.Amount.MinorUnits.ToString(System.Globalization.CultureInfo.InvariantCulture), refund["amount"]);
        Assert.Equal(orderId, refund["metadata[order_id]"]);
        var refundId = await shop.TextAsync($"SELECT id FROM refunds WHERE order_id = '{orderId}'");
        Assert.All(stripe.RefundRequestKeys, key => Assert.Equal(refundId, key));
        Assert.Equal("Completed", await shop.TextAsync($"SELECT status FROM refunds WHERE id = '{refundId}'"));
        Assert.Equal("re_test_1", await shop.TextAsync($"SELECT provider_reference FROM refunds WHERE id = '{refundId}'"));
        Assert.Equal("Refunded", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{orderId}'"));
        Assert.Equal("Refunded", await shop.TextAsync($"SELECT status FROM payments WHERE id = '{payment.Id}'"));
        Assert.Equal(2, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{orderId}' AND status = 'Cancelled'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM timeline_events WHERE order_id = '{orderId}' AND kind = 'RefundSent'"));
        Assert.True(await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'OrderRefunded' AND target = '{orderId}'") >= 1);
        Assert.Equal(1, await shop.CountAsync(
            $"SELECT COUNT(*) FROM audit_log WHERE action = 'OrderCancelled' AND target = '{orderId}' AND detail LIKE 'for the refund: 2 job(s) cancelled, 0 printer(s) stopped'"));
    }

    [Fact]
    public async Task A_refund_stripe_refuses_stays_on_record_with_the_reason_and_goes_through_when_asked_again()
    {
        var (orderId, payment) = await PaidOrderAsync(StripeCheckoutProvider.ProviderName);
        // The charge is already refunded at Stripe (e.g. from its dashboard): Stripe answers charge_already_refunded.
        stripe.AddPaidSession("cs_" + payment.Id, "pi_" + payment.Id, 0);

        using var refused = await PostAsync($"/api/admin/orders/{orderId}/refund");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Contains("already been refunded", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Cancelled", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{orderId}'"));
        Assert.Equal("Failed", await shop.TextAsync($"SELECT status FROM refunds WHERE order_id = '{orderId}'"));
        Assert.Equal("Confirmed", await shop.TextAsync($"SELECT status FROM payments WHERE id = '{payment.Id}'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'OrderCancelled' AND target = '{orderId}'"));

        stripe.AddPaidSession("cs_" + payment.Id, "pi_" + payment.Id, payment.Amount.MinorUnits);
        using var retried = await PostAsync($"/api/admin/orders/{orderId}/refund");

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM refunds WHERE order_id = '{orderId}' AND status = 'Completed'"));
        Assert.Equal("Refunded", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{orderId}'"));

        // The retry went under a new idempotency key: Stripe would otherwise answer with the refusal it stored for the first.
        var refundId = await shop.TextAsync($"SELECT id FROM refunds WHERE order_id = '{orderId}'");
        Assert.Equal([refundId!, refundId + ":2"], stripe.RefundRequestKeys.Where(k => k.StartsWith(refundId!, StringComparison.Ordinal)));
        Assert.Equal(2, await shop.CountAsync($"SELECT attempt FROM refunds WHERE id = '{refundId}'"));
    }

    [Fact]
    public async Task A_pending_stripe_refund_is_not_settled_until_its_webhook_says_it_succeeded_and_a_failed_one_can_be_retried()
    {
        var (orderId, payment) = await PaidOrderAsync(StripeCheckoutProvider.ProviderName);
        stripe.AnswerPending("pi_" + payment.Id);

        using var refunded = await PostAsync($"/api/admin/orders/{orderId}/refund");

        Assert.Equal(HttpStatusCode.OK, refunded.StatusCode);
        var refundId = await shop.TextAsync($"SELECT id FROM refunds WHERE order_id = '{orderId}'");
        Assert.Equal("Sent", await shop.TextAsync($"SELECT status FROM refunds WHERE id = '{refundId}'"));
        Assert.Equal("Cancelled", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{orderId}'"));
        Assert.Equal("Confirmed", await shop.TextAsync($"SELECT status FROM payments WHERE id = '{payment.Id}'"));

        var succeeded = StripeEvents.RefundEvent("evt_refund_ok", "refund.updated", stripe.RefundAfterwards("re_test_1", "succeeded"));
        using (var first = await PostWebhookAsync(succeeded))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var again = await PostWebhookAsync(succeeded))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.True(JsonNode.Parse(await again.Content.ReadAsStringAsync())!["duplicate"]!.GetValue<bool>());
        }

        Assert.Equal("Completed", await shop.TextAsync($"SELECT status FROM refunds WHERE id = '{refundId}'"));
        Assert.Equal("Refunded", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{orderId}'"));
        Assert.Equal("Refunded", await shop.TextAsync($"SELECT status FROM payments WHERE id = '{payment.Id}'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM timeline_events WHERE order_id = '{orderId}' AND kind = 'RefundSent'"));

        var (otherOrder, otherPayment) = await PaidOrderAsync(StripeCheckoutProvider.ProviderName);
        stripe.AnswerPending("pi_" + otherPayment.Id);
        using (var second = await PostAsync($"/api/admin/orders/{otherOrder}/refund"))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        var failed = StripeEvents.RefundEvent("evt_refund_failed", "refund.failed", stripe.RefundAfterwards("re_test_2", "failed", "expired_or_canceled_card"));
        using var failedResponse = await PostWebhookAsync(failed);
        Assert.Equal(HttpStatusCode.OK, failedResponse.StatusCode);
        Assert.Equal("Failed", await shop.TextAsync($"SELECT status FROM refunds WHERE order_id = '{otherOrder}'"));
        Assert.Contains("expired_or_canceled_card", await shop.TextAsync($"SELECT note FROM refunds WHERE order_id = '{otherOrder}'"), StringComparison.Ordinal);
        Assert.Equal("Cancelled", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{otherOrder}'"));
        Assert.Equal("Confirmed", await shop.TextAsync($"SELECT status FROM payments WHERE id = '{otherPayment.Id}'"));
    }

    [Fact]
    public async Task A_refund_whose_answer_was_lost_is_found_by_its_metadata_when_stripe_says_already_refunded()
    {
        var (orderId, payment) = await PaidOrderAsync(StripeCheckoutProvider.ProviderName);
        stripe.LoseAnswers = 10;

        using (var lost = await PostAsync($"/api/admin/orders/{orderId}/refund"))
        {
            Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        }

        Assert.Single(stripe.CreatedRefunds);
        Assert.Equal("Requested", await shop.TextAsync($"SELECT status FROM refunds WHERE order_id = '{orderId}'"));
        stripe.LoseAnswers = 0;
        stripe.ForgetIdempotencyKeys();

        using var again = await PostAsync($"/api/admin/orders/{orderId}/refund");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(stripe.CreatedRefunds);
        Assert.Equal("Completed", await shop.TextAsync($"SELECT status FROM refunds WHERE order_id = '{orderId}'"));
        Assert.Equal("re_test_1", await shop.TextAsync($"SELECT provider_reference FROM refunds WHERE order_id = '{orderId}'"));
        Assert.Equal("Refunded", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{orderId}'"));
        Assert.Equal("Refunded", await shop.TextAsync($"SELECT status FROM payments WHERE id = '{payment.Id}'"));
    }

    private async Task<HttpResponseMessage> PostWebhookAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/stripe/webhook") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", StripeEvents.Sign(body, DateTimeOffset.UtcNow));
        using var client = shop.Anonymous();
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_bank_transfer_refund_waits_for_the_owner_to_mark_it_paid_out()
    {
        var (orderId, _) = await PaidOrderAsync(BankTransferProvider.ProviderName);

        using var refunded = await PostAsync($"/api/admin/orders/{orderId}/refund");
        Assert.Equal(HttpStatusCode.OK, refunded.StatusCode);
        var body = JsonNode.Parse(await refunded.Content.ReadAsStringAsync())!;
        Assert.Equal("Cancelled", body["status"]!.GetValue<string>());
        var refundId = body["refunds"]![0]!["id"]!.GetValue<string>();
        Assert.Equal("AwaitingPayout", body["refunds"]![0]!["status"]!.GetValue<string>());

        using var noNote = await PostAsync($"/api/admin/orders/{orderId}/refunds/{refundId}/paid-out", new { note = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.NotNull(JsonNode.Parse(await noNote.Content.ReadAsStringAsync())!["errors"]!["note"]);
        Assert.Equal("Cancelled", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{orderId}'"));

        using var paidOut = await PostAsync($"/api/admin/orders/{orderId}/refunds/{refundId}/paid-out", new { note = "SEPA return 2026-11-27" });
        Assert.Equal(HttpStatusCode.OK, paidOut.StatusCode);
        Assert.Equal("Refunded", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{orderId}'"));
        Assert.Equal("SEPA return 2026-11-27", await shop.TextAsync($"SELECT note FROM refunds WHERE id = '{refundId}'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'RefundPaidOut' AND target = '{refundId}'"));
        Assert.Empty(stripe.CreatedRefunds);
    }

    [Fact]
    public async Task Owner_actions_on_unknown_orders_or_without_the_owner_are_refused_with_problem_details()
    {
        using var unknown = await PostAsync("/api/admin/orders/ord_nope/cancel");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        var orderId = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());
        using var anonymous = shop.Anonymous();
        using var refused = await anonymous.PostAsync($"/api/admin/orders/{orderId}/cancel", null);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Placed", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{orderId}'"));

        using var cancelled = await PostAsync($"/api/admin/orders/{orderId}/cancel");
        using var again = await PostAsync($"/api/admin/orders/{orderId}/cancel");
        Assert.False(JsonNode.Parse(await again.Content.ReadAsStringAsync())!["changed"]!.GetValue<bool>());
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'OrderCancelled' AND target = '{orderId}'"));
    }

    private async Task<HttpResponseMessage> PostAsync(string path, object? body = null) =>
        await shop.Http.PostAsync(path, body is null ? null : JsonContent.Create(body));

    /// <summary>An order paid through the provider: its payment confirmed the way the provider's confirmation does it.</summary>
    private async Task<(string OrderId, Payment Payment)> PaidOrderAsync(string provider, int quantity = 1)
    {
        var orderId = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody(quantity: quantity));
        var order = await ShopApi.GetOrderAsync(shop.Http, orderId);
        var total = Money.FromMinor(order["total"]!["minorUnits"]!.GetValue<long>(), Currency.Eur);
        var payment = Payment.Start("pay_" + Guid.NewGuid().ToString("N"), orderId, provider, total, BankTransferReference.New(), DateTimeOffset.UtcNow);
        if (provider == StripeCheckoutProvider.ProviderName)
        {
            payment.AttachProviderReference("cs_" + payment.Id);
            stripe.AddPaidSession("cs_" + payment.Id, "pi_" + payment.Id, total.MinorUnits);
        }

        await using (var session = await DbSession.BeginAsync(shop.Services.GetRequiredService<SqliteConnectionFactory>()))
        {
            await PaymentStore.InsertAsync(session, payment);
            await session.CommitAsync();
        }

        Assert.Equal(PaymentConfirmationOutcome.Confirmed, await shop.Services.GetRequiredService<PaymentConfirmation>().ConfirmAsync(payment.Id, total, "test", CancellationToken.None));
        return (orderId, payment);
    }
}
