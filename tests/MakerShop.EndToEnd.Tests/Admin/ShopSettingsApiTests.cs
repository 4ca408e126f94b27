using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Admin;

/// <summary>The owner's settings through the API: validated field by field, stored in the database, read by checkout.</summary>
public sealed class ShopSettingsApiTests
{
    [Fact]
    public async Task Settings_saved_by_the_owner_override_the_configuration_and_bad_values_are_named_and_not_saved()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        using var bad = await shop.Http.PutAsync("/api/admin/settings", JsonContent.Create(new { leadTimeDays = 0, contactEmail = "nobody", lowStockGrams = 300 }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal(["contactEmail", "leadTimeDays"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM shop_settings"));

        using var good = await shop.Http.PutAsync("/api/admin/settings", JsonContent.Create(new { leadTimeDays = 9, lowStockGrams = 300 }));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var orderId = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());

        var order = await ShopApi.GetOrderAsync(shop.Http, orderId);
        var placed = DateTimeOffset.Parse(await shop.TextAsync($"SELECT placed_at FROM orders WHERE id = '{orderId}'") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        var shipBy = DateTimeOffset.Parse(await shop.TextAsync($"SELECT ship_by FROM orders WHERE id = '{orderId}'") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromDays(9), shipBy - placed);
        Assert.Equal(300, JsonNode.Parse(await shop.Http.GetStringAsync("/api/admin/settings"))!["lowStockGrams"]!.GetValue<double>());
        Assert.Contains("leadTimeDays 5 -> 9", await shop.TextAsync("SELECT detail FROM audit_log WHERE action = 'SettingsChanged'"), StringComparison.Ordinal);
        Assert.NotNull(order["id"]);
    }

    [Fact]
    public async Task The_shop_name_and_contact_address_are_the_pages_brand_and_the_emails_sender_and_reply_to()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        using var saved = await shop.Http.PutAsync("/api/admin/settings", JsonContent.Create(new { shopName = "Print Werk Köln", contactEmail = "hallo@printwerk.example" }));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var home = await shop.Http.GetStringAsync("/");
        Assert.Contains("· Print Werk Köln</title>", System.Net.WebUtility.HtmlDecode(home), StringComparison.Ordinal);
        Assert.Contains(">Print Werk Köln</a>", System.Net.WebUtility.HtmlDecode(home), StringComparison.Ordinal);

        var sender = shop.Services.GetRequiredService<IEmailSender>();
        await sender.SendAsync(new EmailMessage("ada@example.com", "Ada Lovelace", "Your parcel", "On its way."));
        var file = Assert.Single(Directory.GetFiles(Path.Combine(shop.Settings.DataDirectory, "mail"), "*.eml"));
        var mail = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal("Print Werk Köln", Assert.Single(mail.From.Mailboxes).Name);
        Assert.Equal("hallo@printwerk.example", Assert.Single(mail.ReplyTo.Mailboxes).Address);
    }
}
