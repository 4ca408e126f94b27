using System.Net;
using System.Net.Http.Json;
using System.Text;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Payments;
using MakerShop.Web.Payments.Stripe;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Payments;

[Collection(EndToEndCollection.Name)]
public sealed class PaymentConfirmationTests : IAsyncLifetime
{
    private const string OwnerKey = "owner-key-for-tests-only";
    private TestShop shop = null!;

    public async Task InitializeAsync() =>
        shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with
        {
            ExtraArgs =
            [
                "--MakerShop:Payments:ConfirmOnPlacement=false",
                "--MakerShop:Payments:Stripe:SecretKey=sk_test_makershop",
                $"--MakerShop:Payments:Stripe:WebhookSecret={StripeEvents.WebhookSecret}",
                $"--MakerShop:Owner:ApiKey={OwnerKey}",
            ],
        });

    public async Task DisposeAsync() => await shop.DisposeAsync();

    [Fact]
    public async Task A_signed_checkout_completed_event_pays_the_order_and_queues_its_jobs_once()
    {
        var (orderId, payment) = await PlaceUnpaidOrderAsync(StripeCheckoutProvider.ProviderName, quantity: 2);
        var body = StripeEvents.CheckoutSession("evt_1", "checkout.session.completed", payment.Id, payment.Amount.MinorUnits, "eur");

        using (var first = await PostWebhookAsync(body, StripeEvents.Sign(body, DateTimeOffset.UtcNow)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        // Stripe re-delivers until it hears 200; a re-delivery is one event.
        using (var again = await PostWebhookAsync(body, StripeEvents.Sign(body, DateTimeOffset.UtcNow)))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        // Paid, or already InProduction if the dispatcher found a printer in between.
        var status = (await ShopApi.GetOrderAsync(shop.Http, orderId))["status"]!.GetValue<string>();
        Assert.Contains(status, new[] { "Paid", "InProduction" });
        Assert.Equal(2, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{orderId}'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM timeline_events WHERE order_id = '{orderId}' AND kind = 'Paid'"));
        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM payment_events WHERE event_id = 'evt_1' AND processed_at IS NOT NULL"));
    }

    [Fact]
    public async Task A_forged_or_replayed_webhook_is_rejected_and_changes_nothing()
    {
        var (orderId, payment) = await PlaceUnpaidOrderAsync(StripeCheckoutProvider.ProviderName);
        var body = StripeEvents.CheckoutSession("evt_forged", "checkout.session.completed", payment.Id, payment.Amount.MinorUnits, "eur");

        using var forged = await PostWebhookAsync(body, StripeEvents.Sign(body, DateTimeOffset.UtcNow, "whsec_someone_else"));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var tampered = await PostWebhookAsync(body.Replace("\"amount_total\": ", "\"amount_total\": 1", StringComparison.Ordinal), StripeEvents.Sign(body, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        using var replayed = await PostWebhookAsync(body, StripeEvents.Sign(body, DateTimeOffset.UtcNow.AddMinutes(-10)));
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        using var unsigned = await PostWebhookAsync(body, null);
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);

        Assert.Equal("Placed", (await ShopApi.GetOrderAsync(shop.Http, orderId))["status"]!.GetValue<string>());
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM payment_events"));
        Assert.Equal(0, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{orderId}'"));
    }

    [Fact]
    public async Task A_session_paid_for_another_amount_leaves_the_order_unpaid()
    {
        var (orderId, payment) = await PlaceUnpaidOrderAsync(StripeCheckoutProvider.ProviderName);
        var body = StripeEvents.CheckoutSession("evt_short", "checkout.session.completed", payment.Id, payment.Amount.MinorUnits - 100, "eur");
        using var response = await PostWebhookAsync(body, StripeEvents.Sign(body, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Placed", (await ShopApi.GetOrderAsync(shop.Http, orderId))["status"]!.GetValue<string>());
        Assert.Equal(PaymentStatus.Pending, (await shop.Services.GetRequiredService<PaymentStore>().GetAsync(payment.Id))!.Status);
    }

    [Fact]
    public async Task The_owner_confirms_a_bank_transfer_by_its_reference_and_amount()
    {
        var (orderId, payment) = await PlaceUnpaidOrderAsync(BankTransferProvider.ProviderName);
        var path = $"/api/payments/bank-transfers/{payment.Reference.ToLowerInvariant()}/confirm";
        var amount = new { amount = payment.Amount.ToDecimal(), currency = "EUR", note = "statement line 12" };

        using var noKey = await shop.Http.PostAsJsonAsync(path, amount);
        Assert.Equal(HttpStatusCode.Forbidden, noKey.StatusCode);
        using var wrongAmount = await PostAsOwnerAsync(path, new { amount = payment.Amount.ToDecimal() - 1, currency = "EUR", note = "short" });
        Assert.Equal(HttpStatusCode.Conflict, wrongAmount.StatusCode);
        Assert.Equal("Placed", (await ShopApi.GetOrderAsync(shop.Http, orderId))["status"]!.GetValue<string>());

        using var confirmed = await PostAsOwnerAsync(path, amount);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.NotEqual("Placed", (await ShopApi.GetOrderAsync(shop.Http, orderId))["status"]!.GetValue<string>());
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{orderId}'"));

        using var typo = await PostAsOwnerAsync("/api/payments/bank-transfers/MS-AAAA-AAAAB/confirm", amount);
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsOwnerAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(OwnerKeyOptions.HeaderName, OwnerKey);
        return await shop.Http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostWebhookAsync(string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/stripe/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        return await shop.Http.SendAsync(request);
    }

    private async Task<(string OrderId, Payment Payment)> PlaceUnpaidOrderAsync(string provider, int quantity = 1)
    {
        var orderId = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody(quantity: quantity));
        var order = await ShopApi.GetOrderAsync(shop.Http, orderId);
        Assert.Equal("Placed", order["status"]!.GetValue<string>());
        var total = Money.FromMinor(order["total"]!["minorUnits"]!.GetValue<long>(), Currency.FromCode(order["total"]!["currency"]!.GetValue<string>()));
        var payment = Payment.Start("pay_" + Guid.NewGuid().ToString("N"), orderId, provider, total, BankTransferReference.New(), DateTimeOffset.UtcNow);
        await using var session = await DbSession.BeginAsync(shop.Services.GetRequiredService<SqliteConnectionFactory>());
        await PaymentStore.InsertAsync(session, payment);
        await session.CommitAsync();
        return (orderId, payment);
    }
}
