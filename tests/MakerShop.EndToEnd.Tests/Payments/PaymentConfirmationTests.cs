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

public sealed class PaymentConfirmationTests : IAsyncLifetime
{
    private TestShop shop = null!;

    public async Task InitializeAsync() =>
        shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with
        {
            ExtraArgs =
            [
                "--MakerShop:Payments:ConfirmOnPlacement=false",
                "--MakerShop:Payments:Stripe:SecretKey=sk_test_makershop",
                $"--MakerShop:Payments:Stripe:WebhookSecret={StripeEvents.WebhookSecret}",
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

        using var anonymous = shop.Anonymous();
        using var noKey = await anonymous.PostAsJsonAsync(path, amount);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
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

    [Fact]
    public async Task A_quoted_part_paid_after_checkout_prints_the_slice_that_was_quoted()
    {
        // A printer exists so the quote's fit check passes; the job is only released by the payment.
        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort);
        var (quoted, quote) = await Quotes.QuoteUploads.PostAsync(shop.Http, Quotes.QuoteUploads.CubeStl(12), "cube.stl");
        Assert.Equal(HttpStatusCode.Created, quoted.StatusCode);
        var orderId = await ShopApi.PlaceOrderAsync(shop.Http, Quotes.QuoteUploads.OrderFromQuote(quote!["id"]!.GetValue<string>()));
        Assert.Equal(0, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{orderId}'"));
        var order = await ShopApi.GetOrderAsync(shop.Http, orderId);
        var total = Money.FromMinor(order["total"]!["minorUnits"]!.GetValue<long>(), Currency.Eur);
        var payment = Payment.Start("pay_" + Guid.NewGuid().ToString("N"), orderId, BankTransferProvider.ProviderName, total, BankTransferReference.New(), DateTimeOffset.UtcNow);
        await using (var session = await DbSession.BeginAsync(shop.Services.GetRequiredService<SqliteConnectionFactory>()))
        {
            await PaymentStore.InsertAsync(session, payment);
            await session.CommitAsync();
        }

        using var confirmed = await PostAsOwnerAsync($"/api/payments/bank-transfers/{payment.Reference}/confirm", new { amount = total.ToDecimal(), currency = "EUR" });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        await ShopApi.WaitForOrdersAsync(shop.Http, [orderId], "Produced", TimeSpan.FromSeconds(90));
        Assert.Equal(1, await shop.CountAsync(
            $"SELECT COUNT(*) FROM print_jobs j JOIN quotes q ON j.product_id = 'quote:' || q.id JOIN slices s ON s.slice_key = q.slice_key AND s.gcode_sha256 = j.gcode_sha256 WHERE j.order_id = '{orderId}' AND j.status = 'Completed'"));
    }

    private async Task<HttpResponseMessage> PostAsOwnerAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
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
