using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Shipping.AfterShip;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using MakerShop.Web.Makers;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Notifications;

/// <summary>
/// One order's whole life on the real host, with the owner's notifications and an integrator's endpoint pointed at
/// real local receivers: every webhook event and every notification topic arrives, signed, retried and grouped.
/// </summary>
public sealed class OutboundNotificationTests
{
    private const string AfterShipSecret = "e2e-aftership-secret";
    private const string TelegramToken = "123456:test-bot-token";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Each_event_reaches_its_receiver_signed_with_a_failed_delivery_retried_and_repeats_grouped()
    {
        await using var http = await RecordingReceiver.StartAsync();
        await using var smtp = SmtpReceiver.Start();
        http.AnswerNext("/hooks/shop", 500);
        var settings = TestShopSettings.CreateTemporary() with
        {
            ExtraArgs =
            [
                "--MakerShop:Webhooks:AddressPolicy=Any", "--MakerShop:Webhooks:PollMilliseconds=200", "--MakerShop:Webhooks:FirstRetrySeconds=1",
                "--MakerShop:Notifications:Chat:GroupingWindowSeconds=15", $"--MakerShop:Notifications:Chat:TelegramBotToken={TelegramToken}",
                $"--MakerShop:Notifications:Chat:TelegramApiBaseUrl={http.Url("telegram/")}",
                "--MakerShop:Notifications:Smtp:Host=127.0.0.1", $"--MakerShop:Notifications:Smtp:Port={smtp.Port}", "--MakerShop:Notifications:Smtp:UseStartTls=false",
                $"--MakerShop:Shipping:AfterShip:WebhookSecret={AfterShipSecret}",
            ],
        };
        await using var shop = await TestShop.StartAsync(settings);
        var owner = await shop.Services.GetRequiredService<AccountService>().CreateAsync("owner@shop.example", "Olivia", UserRole.Owner, null, "a-long-owner-password", CancellationToken.None);
        var preferences = NotificationPreferences.Create(owner.Id, "en", http.Url("ntfy/farm").AbsoluteUri, http.Url("discord/hook").AbsoluteUri, "4242",
        [
            new(NotificationTopic.PrintFailed, NotificationChannel.Ntfy), new(NotificationTopic.BedNeedsClearing, NotificationChannel.Discord),
            new(NotificationTopic.PrinterOfflineMidPrint, NotificationChannel.Telegram), new(NotificationTopic.PaymentArrived, NotificationChannel.Email),
            new(NotificationTopic.ParcelException, NotificationChannel.Telegram),
        ], out var problems);
        Assert.Empty(problems);
        await shop.Services.GetRequiredService<NotificationPreferenceStore>().SaveAsync(preferences, DateTimeOffset.UtcNow);
        var secret = WebhookSecret.Create();
        await shop.Services.GetRequiredService<WebhookEndpointStore>().AddAsync(new WebhookEndpoint("whe_e2e", http.Url("hooks/shop"), "ERP", WebhookEvents.All, secret, DateTimeOffset.UtcNow));

        await using var printer = await ScriptedPrinter.RegisterAndConnectAsync(shop);
        var t = DateTimeOffset.UtcNow.AddSeconds(-30);
        await printer.PublishStateAsync(BridgeStatus.Idle, t);
        var orderId = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());

        // Two failed attempts in a row, each leaving the bed to clear, then a print that loses its printer for a while and completes.
        PrinterCommandPayload? previous = null;
        for (var failure = 1; failure <= 2; failure++)
        {
            var start = await printer.NextCommandAsync(PrinterCommandKind.Start, after: previous);
            await printer.AckAsync(start);
            await printer.PublishStateAsync(BridgeStatus.Printing, t = t.AddSeconds(1), start.JobId, 0.2);
            await printer.PublishEventAsync(PrinterEventKind.JobFailed, start.JobId!, "thermal runaway");
            await printer.PublishStateAsync(BridgeStatus.Idle, t = t.AddSeconds(1), lastJob: new JobOutcome(start.JobId!, JobOutcomeKind.Failed, "thermal runaway", t));
            await WaitForEventsAsync(shop, nameof(ShopEventType.BedNeedsClearing), failure);
            await shop.Services.GetRequiredService<PrinterActions>().ApplyAsync(printer.PrinterId, PrinterAction.BedCleared, null, null, CancellationToken.None);
            previous = start;
        }

        var last = await printer.NextCommandAsync(PrinterCommandKind.Start, after: previous);
        await printer.AckAsync(last);
        await printer.PublishStateAsync(BridgeStatus.Printing, t = t.AddSeconds(1), last.JobId, 0.5);
        await printer.PublishStateAsync(BridgeStatus.Offline, t = t.AddSeconds(1), last.JobId, 0.5);
        await WaitForEventsAsync(shop, nameof(ShopEventType.PrinterOffline), 1);
        await printer.PublishStateAsync(BridgeStatus.Printing, t = t.AddSeconds(1), last.JobId, 0.9);
        await printer.PublishEventAsync(PrinterEventKind.JobCompleted, last.JobId!);
        await printer.PublishStateAsync(BridgeStatus.Idle, t = t.AddSeconds(1), lastJob: new JobOutcome(last.JobId!, JobOutcomeKind.Completed, null, t));
        await ShopApi.WaitForOrdersAsync(shop.Http, [orderId], "Produced", Deadline);

        // Labelled by hand, then the carrier reports a problem, then the delivery.
        var shipmentId = (await ShopApi.GetOrderAsync(shop.Http, orderId))["shipment"]!["id"]!.GetValue<string>();
        using (var labelled = await shop.Http.PostAsJsonAsync($"/api/shipments/{shipmentId}/label", new { carrier = "ups", trackingNumber = "1Z 999 AA1 0123 4567 84" }))
        {
            Assert.Equal(HttpStatusCode.OK, labelled.StatusCode);
        }

        var t0 = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await PostAfterShipAsync(shop, "evt-x", "Exception", t0.AddHours(1))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAfterShipAsync(shop, "evt-d", "Delivered", t0.AddHours(2))).StatusCode);
        await ShopApi.WaitForOrdersAsync(shop.Http, [orderId], "Delivered", Deadline);
        var number = (await ShopApi.GetOrderAsync(shop.Http, orderId))["number"]!.GetValue<string>();

        // The integrator: every event type, each delivered once with a 2xx, signed as the README says.
        string[] expected = ["order.placed", "order.paid", "job.failed", "job.failed", "printer.offline", "order.produced", "order.shipped", "order.delivered"];
        await Eventually.UntilAsync(() => Task.FromResult(Delivered(http).Count >= expected.Length), Deadline,
            () => Task.FromResult("webhooks delivered: " + string.Join(", ", Delivered(http).Select(r => Json(r)["type"]))));
        Assert.Equal(expected.Order(StringComparer.Ordinal), Delivered(http).Select(r => Json(r)["type"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        foreach (var request in http.At("/hooks/shop"))
        {
            Assert.True(SignatureHolds(request, secret), $"the signature of {Json(request)["type"]} verifies with HMAC-SHA256 over \"t.body\"");
            Assert.True(WebhookSignature.Verify(request.Headers[WebhookSignature.HeaderName], secret, request.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        }

        var shipped = Json(Delivered(http).Single(r => Json(r)["type"]!.GetValue<string>() == "order.shipped"));
        Assert.Equal(number, shipped["data"]!["order"]!["number"]!.GetValue<string>());
        Assert.Equal("1Z999AA10123456784", shipped["data"]!["shipment"]!["trackingNumber"]!.GetValue<string>());
        var failed = Json(Delivered(http).First(r => Json(r)["type"]!.GetValue<string>() == "job.failed"));
        Assert.Equal(("Scripted", "thermal runaway"), (failed["data"]!["printer"]!["name"]!.GetValue<string>(), failed["data"]!["job"]!["reason"]!.GetValue<string>()));

        // The first delivery was answered 500, logged, and sent again with the same event id until the 200.
        var refused = http.At("/hooks/shop")[0];
        Assert.Equal(500, refused.AnsweredWith);
        Assert.Contains(http.At("/hooks/shop").Skip(1), r => r.AnsweredWith == 200 && Json(r)["id"]!.GetValue<string>() == Json(refused)["id"]!.GetValue<string>());
        var log = await shop.Services.GetRequiredService<WebhookDeliveryStore>().LogAsync("whe_e2e", 100);
        var firstEvent = log.Where(e => e.EventId == Json(refused)["id"]!.GetValue<string>()).OrderBy(e => e.Attempt).ToList();
        Assert.Equal([(1, (int?)500, "HttpError"), (2, (int?)200, "Delivered")], firstEvent.Select(e => (e.Attempt, e.HttpStatus, e.Outcome)));

        // The owner: each topic on the channel they chose; the two failures and the two beds each came as one grouped message.
        await Eventually.UntilAsync(() => Task.FromResult(http.At("/ntfy/").Count >= 1 && http.At("/discord/hook").Count >= 1 && TelegramTexts(http).Count >= 2
            && smtp.Messages.Any(m => m.To.Contains("owner@shop.example"))), Deadline,
            () => Task.FromResult($"a message on every channel: ntfy {http.At("/ntfy/").Count}, Discord {http.At("/discord/hook").Count}, Telegram {TelegramTexts(http).Count}, "
                + $"e-mail {smtp.Messages.Count}; requests {string.Join(", ", http.Requests.Select(r => r.Path))}"));
        var ntfy = Assert.Single(http.At("/ntfy/"));
        Assert.Equal(("farm", "2 prints failed on Scripted"), (Json(ntfy)["topic"]!.GetValue<string>(), Json(ntfy)["title"]!.GetValue<string>()));
        var discord = Assert.Single(http.At("/discord/hook"));
        Assert.Equal("Scripted needs its bed cleared (2 times)", Json(discord)["content"]!.GetValue<string>());
        Assert.Contains(TelegramTexts(http), text => text.StartsWith("Scripted went offline during a print", StringComparison.Ordinal));
        Assert.Contains(TelegramTexts(http), text => text.StartsWith($"The parcel of {number} has a problem", StringComparison.Ordinal));
        Assert.All(http.Requests.Where(r => r.Path.StartsWith("/telegram/", StringComparison.Ordinal)),
            r => Assert.Equal(("/telegram/bot" + TelegramToken + "/sendMessage", "4242"), (r.Path, Json(r)["chat_id"]!.GetValue<string>())));
        var mail = smtp.Messages.Single(m => m.To.Contains("owner@shop.example"));
        Assert.Contains($"Subject: Payment arrived for {number}", mail.Data, StringComparison.Ordinal);
    }

    private static List<RecordedRequest> Delivered(RecordingReceiver http) => [.. http.At("/hooks/shop").Where(r => r.AnsweredWith == 200)];

    private static JsonNode Json(RecordedRequest request) => JsonNode.Parse(request.Body)!;

    private static List<string> TelegramTexts(RecordingReceiver http) =>
        [.. http.Requests.Where(r => r.Path.EndsWith("/sendMessage", StringComparison.Ordinal)).Select(r => Json(r)["text"]!.GetValue<string>())];

    /// <summary>The check an integrator writes from the README, without MakerShop's code: split the header, HMAC "t.body", compare.</summary>
    private static bool SignatureHolds(RecordedRequest request, string secret)
    {
        var parts = request.Headers["MakerShop-Signature"].Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(parts["t"] + "." + request.Body));
        var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts["t"], CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(mac) == parts["v1"] && age < TimeSpan.FromMinutes(5);
    }

    private static Task WaitForEventsAsync(TestShop shop, string type, int count) =>
        Eventually.UntilAsync(async () => await shop.CountAsync($"SELECT COUNT(*) FROM shop_events WHERE type = '{type}'") >= count, Deadline, $"{count} {type} event(s)");

    private static async Task<HttpResponseMessage> PostAfterShipAsync(TestShop shop, string eventId, string tag, DateTimeOffset at)
    {
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["event_id"] = eventId,
            ["event"] = "tracking_update",
            ["is_tracking_first_tag"] = true,
            ["ts"] = at.ToUnixTimeSeconds(),
            ["msg"] = new JsonObject
            {
                ["id"] = "as-1",
                ["tracking_number"] = "1Z999AA10123456784",
                ["slug"] = "ups",
                ["tag"] = tag,
                ["subtag"] = tag + "_001",
                ["updated_at"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture),
                ["checkpoints"] = new JsonArray(new JsonObject
                {
                    ["checkpoint_time"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
                    ["message"] = tag,
                    ["tag"] = tag,
                    ["city"] = "Paris",
                }),
            },
        }.ToJsonString());
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.Add(AfterShipWebhook.SignatureHeader, AfterShipWebhook.Sign(AfterShipSecret, body));
        return await shop.Http.PostAsync("/webhooks/aftership", content);
    }
}
