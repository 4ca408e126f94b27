using System.Net;
using System.Text.RegularExpressions;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Channels;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

/// <summary>
/// The owner connects a Shopify store on the Channels page, sees an order held for a SKU the catalog does not offer,
/// adds that colour and replays the delivery, and finds the order marked with its Shopify number; in French on a phone too.
/// </summary>
public sealed class ChannelsBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string OwnerEmail = "owner@makershop.example";
    private const string OwnerPassword = "a long owner passphrase";

    [Fact]
    public async Task The_owner_connects_Shopify_sees_a_held_delivery_and_replays_it_once_the_colour_is_offered()
    {
        await using var fake = new FakeShopify(ShopifyScenario.Domain, ShopifyScenario.Secret, ShopifyScenario.Token, ShopifyScenario.ApiVersion);
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with { ExtraArgs = ["--MakerShop:Channels:Shopify:PollInterval=00:00:01"] });
        await shop.Services.GetRequiredService<AccountService>().CreateAsync(OwnerEmail, "Olivia", UserRole.Owner, null, OwnerPassword, CancellationToken.None);
        var page = await SignInAsync(shop, "en");
        await page.SetViewportSizeAsync(390, 844);

        await page.GotoAsync("/admin/channels");
        await Assertions.Expect(page.Locator("[data-testid=deliveries-empty]")).ToContainTextAsync("Each order webhook Shopify sends appears here");
        await Assertions.Expect(page.Locator("[data-testid=webhook-url]").First).ToContainTextAsync("/channels/shopify/webhooks");
        await ChromiumBrowser.ScreenshotAsync(page, "channels-01-not-connected-phone");
        await AssertFitsAsync(page);

        await page.FillAsync("input[name=shopDomain]", "https://Makers-Corner.myshopify.com/");
        await page.FillAsync("input[name=webhookSecret]", ShopifyScenario.Secret);
        await page.FillAsync("input[name=accessToken]", ShopifyScenario.Token);
        await page.ClickAsync("[data-action=connect-shopify]");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("makers-corner.myshopify.com is connected");
        await Assertions.Expect(page.Locator("[data-testid=masked-token]")).ToHaveTextAsync("••••" + ShopifyScenario.Token[^4..]);
        Assert.DoesNotContain(ShopifyScenario.Secret, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(ShopifyScenario.Token, await page.ContentAsync(), StringComparison.Ordinal);
        await ChromiumBrowser.ScreenshotAsync(page, "channels-02-connected-phone");
        await AssertFitsAsync(page);

        // Shopify sends an order in a colour the catalog does not offer: answered, stored, held with the SKU named.
        var order = fake.NewOrder(9401, "#1401", ("calibration-cube-PETG-black", 2, "5.50"));
        using (var delivered = await shop.Anonymous().SendAsync(fake.Delivery("orders/create", order, "wh-1401")))
        {
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        }

        await ShopifyScenario.DeliveryAsync(shop, "wh-1401", "Held");
        await page.ReloadAsync();
        var row = page.Locator("[data-testid=deliveries] tr[data-delivery='wh-1401']");
        await Assertions.Expect(row).ToContainTextAsync("On hold");
        await Assertions.Expect(row).ToContainTextAsync("SKU 'calibration-cube-PETG-black'");
        await Assertions.Expect(row).ToContainTextAsync("New order");
        await Assertions.Expect(row).ToContainTextAsync("#1401");
        await ChromiumBrowser.ScreenshotAsync(page, "channels-03-held-phone");
        await AssertFitsAsync(page);

        // The owner offers the cube in black PETG, then replays the delivery: the order is placed once.
        Assert.True(await shop.Services.GetRequiredService<CatalogAdminStore>().AddVariantAsync("calibration-cube", new MaterialOption("PETG", "black")));
        await row.Locator("[data-action=replay]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("processed again");
        await ShopifyScenario.DeliveryAsync(shop, "wh-1401", "Processed");
        await page.ReloadAsync();
        await Assertions.Expect(row).ToContainTextAsync("Done");
        await Assertions.Expect(row).ToContainTextAsync("#1401 placed as order");
        await Assertions.Expect(row).ToContainTextAsync("processed 2 times");
        await Assertions.Expect(row.Locator("[data-action=replay]")).ToHaveCountAsync(0);
        await ChromiumBrowser.ScreenshotAsync(page, "channels-04-replayed-phone");
        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM orders"));

        await page.GotoAsync("/admin/orders");
        await Assertions.Expect(page.Locator("[data-testid=order-channel]")).ToContainTextAsync("From Shopify, order #1401");
        await page.Locator("[data-testid=order-channel]").Locator("xpath=ancestor::tr//a").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=order-channel]")).ToContainTextAsync("Paid in Shopify");
        await ChromiumBrowser.ScreenshotAsync(page, "channels-05-order-from-shopify-phone");
        await AssertFitsAsync(page);

        var french = await SignInAsync(shop, "fr-FR");
        await french.SetViewportSizeAsync(390, 844);
        await french.GotoAsync("/admin/channels");
        await Assertions.Expect(french.Locator("h1")).ToHaveTextAsync("Canaux de vente");
        await Assertions.Expect(french.Locator("[data-testid=deliveries] tr[data-delivery='wh-1401']")).ToContainTextAsync("Traité");
        await ChromiumBrowser.ScreenshotAsync(french, "channels-06-french-phone");
        await AssertFitsAsync(french);
        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'ChannelConnected'"));
        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'ChannelDeliveryReplayed'"));
    }

    private async Task<IPage> SignInAsync(TestShop shop, string language)
    {
        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, language);
        await page.GotoAsync("/account/sign-in?returnUrl=" + Uri.EscapeDataString("/admin/channels"));
        await page.FillAsync("input[name=email]", OwnerEmail);
        await page.FillAsync("input[name=password]", OwnerPassword);
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("/admin/channels") + "$"));
        return page;
    }

    private static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), $"{page.Url} is wider than a 390 px phone.");
}
