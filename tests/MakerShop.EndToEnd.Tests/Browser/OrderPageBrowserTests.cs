using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

public sealed class OrderPageBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task The_order_page_follows_the_print_by_itself_until_every_part_is_printed()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        var orderId = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody("calibration-cube", quantity: 2));
        var key = await shop.Services.GetRequiredService<OrderLinkStore>().IssueAsync(orderId, DateTimeOffset.UtcNow);

        // The page is opened while no printer exists, so everything it shows later arrives over its live stream.
        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, "fr-FR,fr;q=0.9");
        await page.GotoAsync($"/orders/{orderId}?key={Uri.EscapeDataString(key)}");
        await Assertions.Expect(page.Locator("[data-testid=parts] li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=parts] li").First).ToContainTextAsync("En attente dans la file");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        await ChromiumBrowser.ScreenshotAsync(page, "order-01-waiting");

        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort);
        await Assertions.Expect(page.Locator("[data-testid=order-status]")).ToHaveAttributeAsync("data-status", "Produced", new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("[data-testid=parts] li[data-phase=Printed]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=milestones] li[data-kind=Produced]")).ToHaveCountAsync(1);
        await ChromiumBrowser.ScreenshotAsync(page, "order-02-printed");

        // Still the page that was opened: it updated itself, it was not reloaded.
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
    }

    [Fact]
    public async Task An_order_page_without_its_key_is_not_found_and_neither_is_its_stream()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        var orderId = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());
        var key = await shop.Services.GetRequiredService<OrderLinkStore>().IssueAsync(orderId, DateTimeOffset.UtcNow);
        var otherOrder = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());

        foreach (var url in new[]
        {
            $"/orders/{orderId}",
            $"/orders/{orderId}?key=wrong",
            $"/orders/{otherOrder}?key={Uri.EscapeDataString(key)}",
            $"/orders/{orderId}/live?key=wrong",
        })
        {
            using var response = await shop.Http.GetAsync(url);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        }

        using var ok = await shop.Http.GetAsync($"/orders/{orderId}?key={Uri.EscapeDataString(key)}");
        Assert.Equal(System.Net.HttpStatusCode.OK, ok.StatusCode);
    }
}
