using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MakerShop.EndToEnd.Tests.Infrastructure;

/// <summary>The shop's HTTP API as a customer's browser or a curl user would call it.</summary>
public static class ShopApi
{
    public static JsonObject OrderBody(string productId = "calibration-cube", int quantity = 1, string material = "PLA", string colour = "black") => new()
    {
        ["customer"] = new JsonObject { ["name"] = "Ada Lovelace", ["email"] = "ada@example.com" },
        ["shippingAddress"] = new JsonObject
        {
            ["name"] = "Ada Lovelace",
            ["line1"] = "12 Rue de la Paix",
            ["city"] = "Paris",
            ["postalCode"] = "75002",
            ["countryCode"] = "FR",
        },
        ["currency"] = "EUR",
        ["lines"] = new JsonArray(new JsonObject { ["productId"] = productId, ["quantity"] = quantity, ["material"] = material, ["colour"] = colour }),
    };

    public static async Task<HttpResponseMessage> PostOrderAsync(HttpClient http, JsonNode body, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await http.SendAsync(request);
    }

    public static async Task<string> PlaceOrderAsync(HttpClient http, JsonNode body)
    {
        using var response = await PostOrderAsync(http, body, Guid.NewGuid().ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/orders answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    public static async Task<JsonNode> GetOrderAsync(HttpClient http, string orderId)
    {
        ArgumentNullException.ThrowIfNull(http);
        return JsonNode.Parse(await http.GetStringAsync($"/api/orders/{orderId}"))!;
    }

    /// <summary>Waits until every order has the status, failing with the last states seen and the printers' view.</summary>
    public static async Task WaitForOrdersAsync(HttpClient http, IReadOnlyList<string> orderIds, string status, TimeSpan timeout)
    {
        var last = new Dictionary<string, string>();
        await Eventually.UntilAsync(
            async () =>
            {
                foreach (var id in orderIds)
                {
                    last[id] = (await GetOrderAsync(http, id))["status"]!.GetValue<string>();
                }

                return last.Values.All(s => s == status);
            },
            timeout,
            async () => $"orders did not all reach {status}: {JsonSerializer.Serialize(last)}; printers: {await http.GetStringAsync("/api/printers")}");
    }

    /// <summary>Waits until GET /api/jobs lists a job with the status.</summary>
    public static Task WaitForAnyJobAsync(HttpClient http, string status, TimeSpan timeout) =>
        Eventually.UntilAsync(
            async () => JsonNode.Parse(await http.GetStringAsync($"/api/jobs?status={status}"))!.AsArray().Count > 0,
            timeout,
            $"no job reached {status}");
}
