using System.Net;
using System.Text.Json.Nodes;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MakerShop.EndToEnd.Tests.Security;

/// <summary>
/// What an anonymous caller of <c>POST /api/orders</c> can no longer do: get a paid order without money, queue an
/// unbounded number of print jobs, or place orders as fast as it can send them.
/// </summary>
public sealed class AnonymousOrderTests : IAsyncLifetime
{
    private TestShop _shop = null!;

    public async Task InitializeAsync() =>
        _shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with
        {
            ExtraArgs =
            [
                "--MakerShop:Payments:ConfirmOnPlacement=false",
                "--MakerShop:Orders:MaxLines=3",
                "--MakerShop:Orders:MaxQuantityPerLine=5",
                "--MakerShop:Orders:MaxUnits=8",
                "--MakerShop:RateLimits:OrdersPerWindow=3",
                "--MakerShop:RateLimits:OrderWindowSeconds=3600",
                "--MakerShop:RateLimits:RequestsPerWindow=20",
                "--MakerShop:RateLimits:RequestWindowSeconds=3600",
            ],
        });

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task An_anonymous_order_stays_unpaid_and_queues_no_print_job()
    {
        using var anonymous = _shop.Anonymous();
        using var response = await ShopApi.PostOrderAsync(anonymous, ShopApi.OrderBody(quantity: 2), "anon-1");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Placed", order["status"]!.GetValue<string>());
        Assert.Equal(0, await _shop.CountAsync("SELECT COUNT(*) FROM print_jobs"));
        Assert.Equal(0, await _shop.CountAsync("SELECT COUNT(*) FROM timeline_events WHERE kind = 'Paid'"));
    }

    public static TheoryData<string, string> OversizedOrders => new()
    {
        { "four-lines", "lines" },
        { "six-of-one", "lines[1].quantity" },
        { "nine-units", "lines" },
        { "a-null-line", "lines[1]" },
    };

    [Theory]
    [MemberData(nameof(OversizedOrders))]
    public async Task An_order_over_the_configured_limits_is_refused_naming_the_field_and_nothing_is_stored(string defect, string field)
    {
        var body = ShopApi.OrderBody();
        var line = body["lines"]![0]!;
        var lines = new JsonArray();
        switch (defect)
        {
            case "four-lines":
                for (var i = 0; i < 4; i++) { lines.Add(line.DeepClone()); }
                break;
            case "six-of-one":
                lines.Add(line.DeepClone());
                var six = line.DeepClone();
                six["quantity"] = 6;
                lines.Add(six);
                break;
            case "nine-units":
                foreach (var quantity in new[] { 5, 4 })
                {
                    var l = line.DeepClone();
                    l["quantity"] = quantity;
                    lines.Add(l);
                }

                break;
            default:
                lines.Add(line.DeepClone());
                lines.Add(null);
                break;
        }

        body["lines"] = lines;
        using var response = await ShopApi.PostOrderAsync(_shop.Http, body, "too-big-" + defect);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"{field}\"", text, StringComparison.Ordinal);
        Assert.Equal(0, await _shop.CountAsync("SELECT COUNT(*) FROM orders"));
    }

    [Fact]
    public async Task Orders_from_one_address_beyond_the_limit_get_429_with_Retry_After_while_the_owner_key_is_not_limited()
    {
        using var anonymous = _shop.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            using var placed = await ShopApi.PostOrderAsync(anonymous, ShopApi.OrderBody(), $"anon-{i}");
            Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        }

        using var refused = await ShopApi.PostOrderAsync(anonymous, ShopApi.OrderBody(), "anon-3");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 3600);
        Assert.Equal(3, await _shop.CountAsync("SELECT COUNT(*) FROM orders"));

        // The owner's tools carry the owner key and are not throttled by the anonymous limit.
        for (var i = 0; i < 4; i++)
        {
            using var owner = await ShopApi.PostOrderAsync(_shop.Http, ShopApi.OrderBody(), $"owner-{i}");
            Assert.Equal(HttpStatusCode.Created, owner.StatusCode);
        }

        Assert.Equal(7, await _shop.CountAsync("SELECT COUNT(*) FROM orders"));
    }

    [Fact]
    public async Task Anonymous_API_calls_beyond_the_limit_get_429_and_page_views_do_not_count()
    {
        using var anonymous = _shop.Anonymous();
        for (var i = 0; i < 30; i++)
        {
            using var page = await anonymous.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            using var response = await anonymous.GetAsync("/api/products");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[20]);
    }
}

/// <summary>Confirming payment on placement is for the demo and the tests: anywhere else the shop will not start with it.</summary>
public sealed class PaymentOnPlacementStartupTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task A_shop_outside_Development_refuses_to_start_when_orders_would_be_paid_on_placement(string environment)
    {
        var settings = TestShopSettings.CreateTemporary();
        await using var app = MakerShopHost.Create([.. settings.ToArgs(), $"--environment={environment}", "--MakerShop:Payments:ConfirmOnPlacement=true"]);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("ConfirmOnPlacement", ex.Message, StringComparison.Ordinal);
        Assert.Contains(environment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_configuration_does_not_confirm_payment_on_placement()
    {
        var settings = TestShopSettings.CreateTemporary();
        var args = settings.ToArgs().Where(a => !a.StartsWith("--MakerShop:Payments:ConfirmOnPlacement", StringComparison.Ordinal)).ToArray();
        await using var app = MakerShopHost.Create([.. args, "--environment=Production"]);

        await app.StartAsync();
        try
        {
            Assert.False(app.Services.GetRequiredService<IOptions<MakerShop.Web.Options.PaymentOptions>>().Value.ConfirmOnPlacement);
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
