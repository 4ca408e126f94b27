using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.Options;

namespace MakerShop.Channels.Shopify;

/// <summary>
/// The Admin GraphQL API calls behind a fulfilment: the order's fulfillment orders, then fulfillmentCreate on the open
/// ones with tracking. Every call carries X-Shopify-Access-Token and goes to the pinned API version's URL. HTTP 429 and
/// 5xx, GraphQL errors (THROTTLED among them) and userErrors come back as "not yet" with the reason, never as exceptions.
/// </summary>
public sealed class ShopifyAdminClient(HttpClient http, IOptions<ShopifyOptions> options)
{
    public const string AccessTokenHeader = "X-Shopify-Access-Token";

    private const string FulfillmentOrdersQuery =
        """
        query FulfillmentOrders($id: ID!) {
          order(id: $id) {
            fulfillmentOrders(first: 20) { nodes { id status } }
          }
        }
        """;

    private const string FulfillmentCreateMutation =
        """
        mutation FulfillmentCreate($fulfillment: FulfillmentInput!) {
          fulfillmentCreate(fulfillment: $fulfillment) {
            fulfillment { id status }
            userErrors { field message }
          }
        }
        """;

    public async Task<ShopifyFulfilmentResult> FulfilAsync(
        ChannelConnection connection, string shopifyOrderId, ShopifyTracking tracking, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(tracking);
        var orders = await CallAsync(connection, FulfillmentOrdersQuery, new JsonObject { ["id"] = $"gid://shopify/Order/{shopifyOrderId}" }, cancellationToken);
        if (orders.Failure is { } failure)
        {
            return failure;
        }

        if (orders.Data?["order"] is not JsonObject order)
        {
            return new ShopifyFulfilmentResult.NotYet($"Shopify has no order {shopifyOrderId} for this access token.");
        }

        var nodes = order["fulfillmentOrders"]?["nodes"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        var open = nodes.Where(n => n["status"]?.GetValue<string>() is "OPEN" or "IN_PROGRESS").Select(n => n["id"]!.GetValue<string>()).ToList();
        if (open.Count == 0)
        {
            // Fulfilled already: an earlier attempt whose answer was lost, or the merchant did it by hand in Shopify.
            return nodes.Count > 0 && nodes.All(n => n["status"]?.GetValue<string>() == "CLOSED")
                ? new ShopifyFulfilmentResult.Accepted("already fulfilled")
                : new ShopifyFulfilmentResult.NotYet($"The order has no open fulfillment order in Shopify ({string.Join(", ", nodes.Select(n => n["status"]?.GetValue<string>()))}).");
        }

        var input = new JsonObject
        {
            ["lineItemsByFulfillmentOrder"] = new JsonArray([.. open.Select(id => (JsonNode)new JsonObject { ["fulfillmentOrderId"] = id })]),
            ["notifyCustomer"] = true,
            ["trackingInfo"] = new JsonObject { ["company"] = tracking.Company, ["number"] = tracking.Number, ["url"] = tracking.Url },
        };
        var created = await CallAsync(connection, FulfillmentCreateMutation, new JsonObject { ["fulfillment"] = input }, cancellationToken);
        if (created.Failure is { } refused)
        {
            return refused;
        }

        var result = created.Data?["fulfillmentCreate"];
        var userErrors = result?["userErrors"]?.AsArray().OfType<JsonObject>().Select(e => e["message"]?.GetValue<string>()).ToList() ?? [];
        if (userErrors.Count > 0)
        {
            return new ShopifyFulfilmentResult.NotYet("Shopify refused the fulfilment: " + string.Join("; ", userErrors));
        }

        return result?["fulfillment"]?["id"]?.GetValue<string>() is { } fulfilmentId
            ? new ShopifyFulfilmentResult.Accepted(fulfilmentId)
            : new ShopifyFulfilmentResult.NotYet("Shopify answered without a fulfilment.");
    }

    private async Task<(JsonNode? Data, ShopifyFulfilmentResult.NotYet? Failure)> CallAsync(
        ChannelConnection connection, string query, JsonObject variables, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, GraphQlUrl(connection))
        {
            Content = JsonContent.Create(new JsonObject { ["query"] = query, ["variables"] = variables }),
        };
        request.Headers.Add(AccessTokenHeader, connection.AccessToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, new ShopifyFulfilmentResult.NotYet($"Shopify could not be reached ({ex.Message})."));
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return (null, new ShopifyFulfilmentResult.NotYet("Shopify asked the shop to slow down (429).", RetryAfter(response)));
            }

            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                return (null, new ShopifyFulfilmentResult.NotYet($"Shopify refused the access token ({(int)response.StatusCode}); check it and the app's scopes on the Channels page."));
            }

            if (!response.IsSuccessStatusCode)
            {
                return (null, new ShopifyFulfilmentResult.NotYet($"Shopify answered {(int)response.StatusCode}."));
            }

            JsonNode? body;
            try
            {
                body = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken);
            }
            catch (System.Text.Json.JsonException)
            {
                return (null, new ShopifyFulfilmentResult.NotYet("Shopify's answer was not JSON."));
            }

            if (body?["errors"] is JsonArray { Count: > 0 } errors)
            {
                var throttled = errors.Any(e => e?["extensions"]?["code"]?.GetValue<string>() == "THROTTLED");
                var text = string.Join("; ", errors.Select(e => e?["message"]?.GetValue<string>()));
                return (null, new ShopifyFulfilmentResult.NotYet(throttled ? "Shopify's query cost limit was reached (THROTTLED)." : $"Shopify refused the query: {text}"));
            }

            return (body?["data"], null);
        }
    }

    private Uri GraphQlUrl(ChannelConnection connection)
    {
        var root = string.IsNullOrWhiteSpace(options.Value.AdminBaseUrl) ? $"https://{connection.ShopDomain}" : options.Value.AdminBaseUrl.TrimEnd('/');
        return new Uri($"{root}/admin/api/{options.Value.ApiVersion}/graphql.json");
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.TryGetValues("Retry-After", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null);
}
