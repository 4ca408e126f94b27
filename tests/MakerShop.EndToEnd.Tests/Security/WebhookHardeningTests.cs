using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.EndToEnd.Tests.Payments;
using MakerShop.Shipping.EasyPost;

namespace MakerShop.EndToEnd.Tests.Security;

/// <summary>
/// Issue 19, item 4 and the webhook part of item 7: webhook bodies are bounded before they are read and authenticated
/// while they stream in; a forged body is never stored, and a signed one that is not UTF-8 is a 400, not a 500.
/// </summary>
public sealed class WebhookHardeningTests : IAsyncLifetime
{
    private const int StripeCap = 64 * 1024;
    private const int TrackingCap = 32 * 1024;
    private const string EasyPostSecret = "e2e-easypost-secret";
    private TestShop shop = null!;

    public async Task InitializeAsync() =>
        shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with
        {
            ExtraArgs =
            [
                "--MakerShop:Payments:Stripe:SecretKey=sk_test_makershop",
                $"--MakerShop:Payments:Stripe:WebhookSecret={StripeEvents.WebhookSecret}",
                $"--MakerShop:Payments:Stripe:MaxWebhookBodyBytes={StripeCap}",
                $"--MakerShop:Shipping:EasyPost:WebhookSecret={EasyPostSecret}",
                $"--MakerShop:Shipping:WebhookMaxBodyBytes={TrackingCap}",
            ],
        });

    public async Task DisposeAsync() => await shop.DisposeAsync();

    [Fact]
    public async Task An_oversized_unsigned_stripe_webhook_with_a_declared_length_is_refused_413_before_it_is_read()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/stripe/webhook")
        {
            Content = new ByteArrayContent(new byte[StripeCap + 1]) { Headers = { { "Content-Type", "application/json" } } },
        };

        using var response = await shop.Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM payment_events"));
    }

    [Fact]
    public async Task A_chunked_25_MB_webhook_stops_being_read_at_the_cap()
    {
        // Signed headers (a valid timestamp), so the endpoint reads the body through its signature until the cap.
        var content = new CountingContent(25L * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/stripe/webhook") { Content = content };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", StripeEvents.Sign("{}", DateTimeOffset.UtcNow));

        var status = await SendTolerantAsync(request);

        Assert.True(status is null or HttpStatusCode.RequestEntityTooLarge, $"answered {status}");
        // The sender stops when the shop closes the connection: what it got through is the cap plus the socket buffers
        // between the two, far from the 25 MB it offered.
        Assert.True(content.Sent < 8L * 1024 * 1024, $"the shop took {content.Sent:N0} bytes of a 25 MB body");
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM payment_events"));
    }

    [Fact]
    public async Task A_forged_stripe_webhook_is_refused_and_nothing_is_stored()
    {
        var body = StripeEvents.CheckoutSession("evt_forged", "checkout.session.completed", "pay_nope", 1000, "eur");

        using var forged = await PostStripeAsync(Encoding.UTF8.GetBytes(body), StripeEvents.Sign(body, DateTimeOffset.UtcNow, "whsec_someone_else"));
        using var unsigned = await PostStripeAsync(Encoding.UTF8.GetBytes(body), null);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (forged.StatusCode, unsigned.StatusCode));
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM payment_events"));
    }

    [Fact]
    public async Task A_validly_signed_stripe_webhook_that_is_not_UTF8_is_a_400_and_nothing_is_stored()
    {
        var body = Encoding.UTF8.GetBytes(StripeEvents.CheckoutSession("evt_bad_utf8", "checkout.session.completed", "pay_nope", 1000, "eur")).ToList();
        body.InsertRange(20, new byte[] { 0xC3, 0x28, 0xFF });
        var bytes = body.ToArray();

        using var response = await PostStripeAsync(bytes, SignStripe(bytes, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("UTF-8", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM payment_events"));
    }

    [Fact]
    public async Task A_validly_signed_stripe_webhook_that_is_not_JSON_is_a_400()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"id\": \"evt_1\", \"type\": ");

        using var response = await PostStripeAsync(bytes, SignStripe(bytes, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM payment_events"));
    }

    [Fact]
    public async Task Tracking_webhooks_refuse_oversized_forged_and_non_UTF8_bodies_and_store_none_of_them()
    {
        using var oversized = await PostEasyPostAsync(new byte[TrackingCap + 1], signature: null);
        var forgedBody = Encoding.UTF8.GetBytes("""{"id":"evt_1","description":"tracker.updated","result":{}}""");
        using var forged = await PostEasyPostAsync(forgedBody, EasyPostWebhook.Sign("not-the-secret", forgedBody));
        using var unsigned = await PostEasyPostAsync(forgedBody, signature: null);
        byte[] notUtf8 = [.. Encoding.UTF8.GetBytes("""{"id":"evt_2","description":"tracker.updated","result":{"tracking_code":"""), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}}")];
        using var invalid = await PostEasyPostAsync(notUtf8, EasyPostWebhook.Sign(EasyPostSecret, notUtf8));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM webhook_inbox"));
    }

    private static string SignStripe(byte[] body, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds();
        byte[] message = [.. Encoding.UTF8.GetBytes($"{timestamp}."), .. body];
        return $"t={timestamp},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(StripeEvents.WebhookSecret), message))}";
    }

    private async Task<HttpResponseMessage> PostStripeAsync(byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/stripe/webhook")
        {
            Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        return await shop.Anonymous().SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostEasyPostAsync(byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/easypost")
        {
            Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(EasyPostWebhook.SignatureHeader, signature);
        }

        return await shop.Anonymous().SendAsync(request);
    }

    // The shop may close the connection while the body is still being sent: then the client sees a transport error
    // instead of the 413 that was written before the close.
    private async Task<HttpStatusCode?> SendTolerantAsync(HttpRequestMessage request)
    {
        try
        {
            using var response = await shop.Anonymous().SendAsync(request);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
