using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MakerShop.EndToEnd.Tests.Infrastructure;

namespace MakerShop.EndToEnd.Tests.Admin;

/// <summary>The owner's settings through the API: validated field by field, stored in the database, read by checkout.</summary>
[Collection(EndToEndCollection.Name)]
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
}
