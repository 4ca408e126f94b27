using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MakerShop.Channels.Shopify;
using MakerShop.Shipping.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MakerShop.EndToEnd.Tests.Channels;

/// <summary>
/// A Shopify store as its documentation describes it. It signs webhooks as Shopify does (X-Shopify-Hmac-SHA256, the
/// base64 HMAC-SHA256 of the raw body with the app's secret, plus the topic, shop domain, API version, webhook id and
/// event id headers), and serves the Admin GraphQL API at /admin/api/{version}/graphql.json: a wrong or missing
/// X-Shopify-Access-Token is a 401, a version other than the pinned one a 404, a query without its required variables
/// a GraphQL error; fulfillmentCreate answers userErrors for an unknown or closed fulfillment order, closes the ones
/// it fulfils and records the fulfilment with its tracking.
/// </summary>
public sealed class FakeShopify(string shopDomain, string webhookSecret, string accessToken, string apiVersion) : LoopbackApp
{
    private readonly ConcurrentDictionary<string, FulfillmentOrder> _fulfillmentOrders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, List<string>> _byOrder = new();
    private int _sequence;
    private int _throttleNext;

    public string ShopDomain => shopDomain;

    public string WebhookSecret => webhookSecret;

    public string AccessToken => accessToken;

    /// <summary>Every fulfilment Shopify created, in order.</summary>
    public ConcurrentQueue<RecordedFulfilment> Fulfilments { get; } = new();

    /// <summary>Every GraphQL call refused (token, version, throttling), for assertions on retries.</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    /// <summary>The next <paramref name="count"/> GraphQL calls are answered 429 with Retry-After: 1, as Shopify does under its rate limit.</summary>
    public void ThrottleNext(int count) => Interlocked.Exchange(ref _throttleNext, count);

    /// <summary>An order as the orders/create webhook carries it (REST Order resource), with one open fulfillment order in Shopify.</summary>
    public JsonObject NewOrder(long id, string name, params (string Sku, int Quantity, string Price)[] lines)
    {
        var fulfillmentOrderId = $"gid://shopify/FulfillmentOrder/{Interlocked.Increment(ref _sequence) + 9000}";
        _fulfillmentOrders[fulfillmentOrderId] = new FulfillmentOrder(id, "OPEN");
        _byOrder[id] = [fulfillmentOrderId];
        var subtotal = lines.Sum(l => decimal.Parse(l.Price, CultureInfo.InvariantCulture) * l.Quantity);
        const decimal shipping = 4.90m;
        var tax = Math.Round((subtotal + shipping) * 0.2m / 1.2m, 2);
        return new JsonObject
        {
            ["id"] = id,
            ["admin_graphql_api_id"] = $"gid://shopify/Order/{id}",
            ["name"] = name,
            ["order_number"] = int.Parse(name.TrimStart('#'), CultureInfo.InvariantCulture),
            ["email"] = "camille@example.com",
            ["currency"] = "EUR",
            ["presentment_currency"] = "EUR",
            ["financial_status"] = "paid",
            ["fulfillment_status"] = null,
            ["cancelled_at"] = null,
            ["cancel_reason"] = null,
            ["taxes_included"] = true,
            ["subtotal_price"] = Amount(subtotal),
            ["total_tax"] = Amount(tax),
            ["total_price"] = Amount(subtotal + shipping),
            ["total_shipping_price_set"] = new JsonObject
            {
                ["shop_money"] = new JsonObject { ["amount"] = Amount(shipping), ["currency_code"] = "EUR" },
                ["presentment_money"] = new JsonObject { ["amount"] = Amount(shipping), ["currency_code"] = "EUR" },
            },
            ["customer"] = new JsonObject { ["id"] = 207119551, ["first_name"] = "Camille", ["last_name"] = "Durand", ["email"] = "camille@example.com" },
            ["shipping_address"] = new JsonObject
            {
                ["first_name"] = "Camille",
                ["last_name"] = "Durand",
                ["name"] = "Camille Durand",
                ["company"] = null,
                ["address1"] = "8 Rue de Rivoli",
                ["address2"] = null,
                ["city"] = "Paris",
                ["province"] = null,
                ["province_code"] = null,
                ["country"] = "France",
                ["country_code"] = "FR",
                ["zip"] = "75004",
                ["phone"] = "+33 1 23 45 67 89",
            },
            ["line_items"] = new JsonArray([.. lines.Select((l, i) => (JsonNode)new JsonObject
            {
                ["id"] = (id * 10) + i,
                ["variant_id"] = 4000 + i,
                ["product_id"] = 3000 + i,
                ["sku"] = l.Sku,
                ["title"] = "Printed part",
                ["variant_title"] = l.Sku,
                ["quantity"] = l.Quantity,
                ["fulfillable_quantity"] = l.Quantity,
                ["grams"] = 30,
                ["requires_shipping"] = true,
                ["price"] = l.Price,
                ["properties"] = new JsonArray(),
            })]),
        };
    }

    /// <summary>The same order after a cancel in Shopify, as orders/cancelled carries it.</summary>
    public static JsonObject Cancelled(JsonObject order)
    {
        var cancelled = (JsonObject)order.DeepClone();
        cancelled["cancelled_at"] = "2026-12-07T10:00:00+01:00";
        cancelled["cancel_reason"] = "customer";
        cancelled["financial_status"] = "refunded";
        return cancelled;
    }

    /// <summary>A webhook delivery as Shopify sends it, signed with <paramref name="secret"/> (the app's secret unless given).</summary>
    public HttpRequestMessage Delivery(string topic, JsonObject order, string webhookId, string? secret = null, bool sign = true)
    {
        var body = Encoding.UTF8.GetBytes(order.ToJsonString());
        var request = new HttpRequestMessage(HttpMethod.Post, ShopifyWebhookEndpoints.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Shopify-Topic", topic);
        request.Headers.Add("X-Shopify-Shop-Domain", shopDomain);
        request.Headers.Add("X-Shopify-API-Version", apiVersion);
        request.Headers.Add("X-Shopify-Webhook-Id", webhookId);
        request.Headers.Add("X-Shopify-Event-Id", "evt-" + webhookId);
        request.Headers.Add("X-Shopify-Triggered-At", "2026-12-07T09:00:00.000Z");
        if (sign)
        {
            request.Headers.Add("X-Shopify-Hmac-SHA256", ShopifyHmac.Sign(body, secret ?? webhookSecret));
        }

        return request;
    }

    protected override void Map(WebApplication app) => app.MapPost("/admin/api/{version}/graphql.json", GraphQlAsync);

    private async Task<IResult> GraphQlAsync(string version, HttpRequest request)
    {
        if (version != apiVersion)
        {
            Refusals.Enqueue("version " + version);
            return Results.Json(new JsonObject { ["errors"] = "Not Found" }, statusCode: 404);
        }

        if (request.Headers["X-Shopify-Access-Token"].ToString() != accessToken)
        {
            Refusals.Enqueue("token");
            return Results.Json(new JsonObject { ["errors"] = "[API] Invalid API key or access token (unrecognized login or wrong password)" }, statusCode: 401);
        }

        if (Interlocked.Decrement(ref _throttleNext) >= 0)
        {
            Refusals.Enqueue("throttled");
            request.HttpContext.Response.Headers.RetryAfter = "1";
            return Results.Json(new JsonObject { ["errors"] = "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service." }, statusCode: 429);
        }

        var body = await JsonNode.ParseAsync(request.Body);
        var query = body?["query"]?.GetValue<string>() ?? "";
        var variables = body?["variables"] as JsonObject;
        if (query.Contains("fulfillmentCreate", StringComparison.Ordinal))
        {
            return variables?["fulfillment"] is JsonObject input
                ? Results.Json(new JsonObject { ["data"] = new JsonObject { ["fulfillmentCreate"] = Create(input) } })
                : Error("Variable $fulfillment of type FulfillmentInput! was provided invalid value");
        }

        if (query.Contains("fulfillmentOrders", StringComparison.Ordinal))
        {
            var gid = variables?["id"]?.GetValue<string>();
            if (gid is null || !gid.StartsWith("gid://shopify/Order/", StringComparison.Ordinal))
            {
                return Error("Variable $id of type ID! was provided invalid value");
            }

            var orderId = long.Parse(gid["gid://shopify/Order/".Length..], CultureInfo.InvariantCulture);
            JsonNode? order = _byOrder.TryGetValue(orderId, out var ids)
                ? new JsonObject
                {
                    ["fulfillmentOrders"] = new JsonObject
                    {
                        ["nodes"] = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["status"] = _fulfillmentOrders[id].Status })]),
                    },
                }
                : null;
            return Results.Json(new JsonObject { ["data"] = new JsonObject { ["order"] = order } });
        }

        return Error("Field is not defined on QueryRoot");
    }

    private JsonObject Create(JsonObject input)
    {
        var pairs = input["lineItemsByFulfillmentOrder"] as JsonArray;
        if (pairs is null || pairs.Count == 0)
        {
            return UserError("lineItemsByFulfillmentOrder", "Line items by fulfillment order must not be empty.");
        }

        var ids = pairs.Select(p => p?["fulfillmentOrderId"]?.GetValue<string>() ?? "").ToList();
        foreach (var id in ids)
        {
            if (!_fulfillmentOrders.TryGetValue(id, out var fo))
            {
                return UserError("fulfillment.lineItemsByFulfillmentOrder.0.fulfillmentOrderId", "Fulfillment order does not exist.");
            }

            if (fo.Status == "CLOSED")
            {
                return UserError("fulfillment", $"Fulfillment order {id} has an unfulfillable status= closed.");
            }
        }

        lock (_fulfillmentOrders)
        {
            foreach (var id in ids)
            {
                _fulfillmentOrders[id] = _fulfillmentOrders[id] with { Status = "CLOSED" };
            }
        }

        var tracking = input["trackingInfo"] as JsonObject;
        var fulfilmentId = $"gid://shopify/Fulfillment/{Interlocked.Increment(ref _sequence) + 5000}";
        Fulfilments.Enqueue(new RecordedFulfilment(
            _fulfillmentOrders[ids[0]].OrderId, ids, tracking?["company"]?.GetValue<string>(), tracking?["number"]?.GetValue<string>(),
            tracking?["url"]?.GetValue<string>(), input["notifyCustomer"]?.GetValue<bool>() ?? false));
        return new JsonObject
        {
            ["fulfillment"] = new JsonObject { ["id"] = fulfilmentId, ["status"] = "SUCCESS" },
            ["userErrors"] = new JsonArray(),
        };
    }

    /// <summary>Closes the order's fulfillment orders, as fulfilling it by hand in Shopify's admin does.</summary>
    public void CloseFulfillmentOrders(long orderId)
    {
        foreach (var id in _byOrder[orderId])
        {
            _fulfillmentOrders[id] = _fulfillmentOrders[id] with { Status = "CLOSED" };
        }
    }

    private static JsonObject UserError(string field, string message) => new()
    {
        ["fulfillment"] = null,
        ["userErrors"] = new JsonArray(new JsonObject { ["field"] = new JsonArray([.. field.Split('.').Select(f => (JsonNode)f)]), ["message"] = message }),
    };

    private static IResult Error(string message) =>
        Results.Json(new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = message }) });

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private sealed record FulfillmentOrder(long OrderId, string Status);

    public sealed record RecordedFulfilment(long OrderId, IReadOnlyList<string> FulfillmentOrderIds, string? Company, string? Number, string? Url, bool NotifyCustomer);
}
