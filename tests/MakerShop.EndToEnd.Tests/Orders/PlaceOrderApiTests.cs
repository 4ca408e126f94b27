using System.Net;
using System.Text.Json.Nodes;
using MakerShop.EndToEnd.Tests.Infrastructure;

namespace MakerShop.EndToEnd.Tests.Orders;

/// <summary>Checkout over HTTP against the real host (no printers needed: nothing here gets printed).</summary>
public sealed class PlaceOrderApiTests : IAsyncLifetime
{
    private TestShop _shop = null!;

    public async Task InitializeAsync()
    {
        var settings = TestShopSettings.CreateTemporary() with { };
        _shop = await TestShop.StartAsync(settings);
    }

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task The_same_POST_with_the_same_Idempotency_Key_twice_creates_one_order()
    {
        var body = ShopApi.OrderBody(quantity: 2);

        using var first = await ShopApi.PostOrderAsync(_shop.Http, body, "checkout-42");
        using var second = await ShopApi.PostOrderAsync(_shop.Http, body, "checkout-42");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var firstId = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var secondId = JsonNode.Parse(await second.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        Assert.Equal(firstId, secondId);
        Assert.Equal(1, await _shop.CountAsync("SELECT COUNT(*) FROM orders"));
        Assert.Equal(2, await _shop.CountAsync("SELECT COUNT(*) FROM print_jobs"));
    }

    [Fact]
    public async Task Concurrent_retries_with_one_Idempotency_Key_still_create_one_order()
    {
        var body = ShopApi.OrderBody();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ShopApi.PostOrderAsync(_shop.Http, body, "double-click")));

        var ids = new HashSet<string>();
        foreach (var response in responses)
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            ids.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
            response.Dispose();
        }

        Assert.Single(ids);
        Assert.Equal(1, await _shop.CountAsync("SELECT COUNT(*) FROM orders"));
    }

    [Fact]
    public async Task Parallel_orders_through_the_API_get_consecutive_numbers_and_each_opens_by_its_number()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => ShopApi.PostOrderAsync(_shop.Http, ShopApi.OrderBody(), $"parallel-{i}")));

        var numbers = new List<string>();
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var placed = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var number = placed["number"]!.GetValue<string>();
            numbers.Add(number);
            var byNumber = await ShopApi.GetOrderAsync(_shop.Http, number.ToLowerInvariant());
            Assert.Equal(placed["id"]!.GetValue<string>(), byNumber["id"]!.GetValue<string>());
            response.Dispose();
        }

        Assert.Equal(["MS-1001", "MS-1002", "MS-1003", "MS-1004", "MS-1005", "MS-1006"], numbers.Order(StringComparer.Ordinal));
        using var unknown = await _shop.Http.GetAsync("/api/orders/MS-999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Reusing_an_Idempotency_Key_for_a_different_order_is_refused_with_422()
    {
        using var first = await ShopApi.PostOrderAsync(_shop.Http, ShopApi.OrderBody(quantity: 1), "reused-key");
        using var second = await ShopApi.PostOrderAsync(_shop.Http, ShopApi.OrderBody(quantity: 3), "reused-key");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal((HttpStatusCode)422, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await _shop.CountAsync("SELECT COUNT(*) FROM orders"));
    }

    public static TheoryData<string, string> MalformedOrders => new()
    {
        { "unknown-product", "lines[0].productId" },
        { "negative-quantity", "lines[0].quantity" },
        { "zero-quantity", "lines[0].quantity" },
        { "missing-address", "shippingAddress" },
        { "blank-city", "shippingAddress.city" },
        { "bad-email", "customer.email" },
        { "no-lines", "lines" },
        { "unknown-currency", "currency" },
        { "material-not-offered", "lines[0].material" },
    };

    [Theory]
    [MemberData(nameof(MalformedOrders))]
    public async Task A_malformed_order_gets_a_400_ProblemDetails_naming_the_field_and_nothing_is_stored(string defect, string field)
    {
        var body = ShopApi.OrderBody();
        switch (defect)
        {
            case "unknown-product": body["lines"]![0]!["productId"] = "no-such-thing"; break;
            case "negative-quantity": body["lines"]![0]!["quantity"] = -3; break;
            case "zero-quantity": body["lines"]![0]!["quantity"] = 0; break;
            case "missing-address": body.Remove("shippingAddress"); break;
            case "blank-city": body["shippingAddress"]!["city"] = "  "; break;
            case "bad-email": body["customer"]!["email"] = "not-an-email"; break;
            case "no-lines": body["lines"] = new JsonArray(); break;
            case "unknown-currency": body["currency"] = "XYZ"; break;
            case "material-not-offered": body["lines"]![0]!["material"] = "Nylon"; break;
        }

        using var response = await ShopApi.PostOrderAsync(_shop.Http, body, "bad-" + defect);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]?[field]);
        Assert.Equal(0, await _shop.CountAsync("SELECT COUNT(*) FROM orders"));
        Assert.Equal(0, await _shop.CountAsync("SELECT COUNT(*) FROM print_jobs"));
        Assert.Equal(0, await _shop.CountAsync("SELECT COUNT(*) FROM idempotency_keys"));
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_gets_a_400_ProblemDetails()
    {
        using var content = new StringContent("{\"customer\": ", System.Text.Encoding.UTF8, "application/json");
        using var response = await _shop.Http.PostAsync("/api/orders", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_order_id_gets_a_404_ProblemDetails()
    {
        using var response = await _shop.Http.GetAsync("/api/orders/ord_missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_order_endpoints()
    {
        var document = JsonNode.Parse(await _shop.Http.GetStringAsync("/openapi/v1.json"))!;

        Assert.NotNull(document["paths"]?["/api/orders"]?["post"]);
        Assert.NotNull(document["paths"]?["/api/orders/{id}"]?["get"]);
        Assert.NotNull(document["paths"]?["/api/printers"]?["get"]);
        Assert.NotNull(document["paths"]?["/api/jobs"]?["get"]);
    }
}
