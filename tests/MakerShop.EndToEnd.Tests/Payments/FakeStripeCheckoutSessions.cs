using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MakerShop.EndToEnd.Tests.Payments;

/// <summary>
/// Stripe's Checkout Sessions endpoint on loopback, answering with the documented session object (id, url, amount,
/// currency) and remembering what it was asked, so a test sees exactly what the shop would charge. Stripe's web service
/// cannot run here; everything else in the payment is the real code.
/// </summary>
internal sealed class FakeStripeCheckoutSessions : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeStripeCheckoutSessions(WebApplication app) => this.app = app;

    public ConcurrentQueue<CreatedSession> Sessions { get; } = new();

    public Uri BaseUrl => new(app.Urls.First());

    public static async Task<FakeStripeCheckoutSessions> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeStripeCheckoutSessions(app);
        app.MapPost("/v1/checkout/sessions", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            // Stripe answers a repeated idempotency key with the session it made for it.
            var key = context.Request.Headers["Idempotency-Key"].ToString();
            var id = fake.Sessions.FirstOrDefault(s => s.IdempotencyKey.Length > 0 && s.IdempotencyKey == key)?.Id ?? "cs_test_" + (fake.Sessions.Count + 1);
            var session = new CreatedSession(id, form["client_reference_id"].ToString(), long.Parse(form["line_items[0][price_data][unit_amount]"].ToString(), System.Globalization.CultureInfo.InvariantCulture),
                form["line_items[0][price_data][currency]"].ToString(), form["success_url"].ToString(), key) { CancelUrl = form["cancel_url"].ToString() };
            fake.Sessions.Enqueue(session);
            return Results.Content(new JsonObject
            {
                ["id"] = id,
                ["object"] = "checkout.session",
                ["mode"] = "payment",
                ["client_reference_id"] = session.ClientReferenceId,
                ["amount_total"] = session.UnitAmount,
                ["currency"] = session.Currency,
                ["payment_status"] = "unpaid",
                ["status"] = "open",
                ["url"] = $"https://checkout.stripe.test/c/pay/{id}",
            }.ToJsonString(), "application/json");
        });
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    public sealed record CreatedSession(string Id, string ClientReferenceId, long UnitAmount, string Currency, string SuccessUrl, string IdempotencyKey)
    {
        public string CancelUrl { get; init; } = "";
    }
}
