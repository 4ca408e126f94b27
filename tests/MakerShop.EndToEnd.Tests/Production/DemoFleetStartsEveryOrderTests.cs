using System.Text.Json.Nodes;
using MakerShop.EndToEnd.Tests.Infrastructure;

namespace MakerShop.EndToEnd.Tests.Production;

/// <summary>
/// The demo fleet as `dotnet run` starts it (virtual Marlin printers in FR, DE and the US, an OctoPrint, a Moonraker
/// and a PrusaLink printer in FR) and orders to where customers are, in the filaments that fleet has loaded: each paid order starts
/// within a minute. An order for Germany no longer waits days for the German printer, which has another filament, and
/// one for the USA no longer waits for the American printer, which has another colour.
/// </summary>
public sealed class DemoFleetStartsEveryOrderTests : IAsyncLifetime
{
    private static readonly TimeSpan StartWithin = TimeSpan.FromMinutes(1);
    private TestShop _shop = null!;

    public async Task InitializeAsync() =>
        _shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with
        {
            ExtraArgs = ["--MakerShop:Demo:Enabled=true", "--MakerShop:Demo:Fleet:Count=4", "--MakerShop:Demo:Fleet:TimeScale=60"],
        });

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task Every_paid_order_in_a_filament_the_demo_fleet_has_loaded_starts_within_a_minute()
    {
        // The fleet first: seven printers online and idle (bridges connected, HTTP printers polled).
        await Eventually.UntilAsync(
            async () =>
            {
                var printers = JsonNode.Parse(await _shop.Http.GetStringAsync("/api/printers"))!.AsArray();
                return printers.Count == 8 && printers.All(p => p!["status"]!.GetValue<string>() == "Idle");
            },
            TimeSpan.FromMinutes(2),
            "the demo fleet did not come online");

        (string Country, string City, string PostalCode, string? Region, string Product, string Material, string Colour)[] orders =
        [
            ("DE", "Berlin", "10115", null, "cable-organiser", "PLA", "black"),
            ("US", "New York", "10001", "NY", "planter-box", "PLA", "white"),
            ("GB", "London", "SW1A 1AA", null, "planter-box", "PETG", "orange"),
            ("FR", "Paris", "75002", null, "calibration-cube", "PLA", "black"),
            ("CH", "Zürich", "8001", null, "calibration-cube", "PLA", "white"),
        ];
        var ids = new List<string>();
        foreach (var order in orders)
        {
            var body = ShopApi.OrderBody(order.Product, material: order.Material, colour: order.Colour);
            body["shippingAddress"] = new JsonObject
            {
                ["name"] = "Customer " + order.Country,
                ["line1"] = "1 Main Street",
                ["city"] = order.City,
                ["postalCode"] = order.PostalCode,
                ["region"] = order.Region,
                ["countryCode"] = order.Country,
            };
            ids.Add(await ShopApi.PlaceOrderAsync(_shop.Http, body));
        }

        // Started means on a printer: in production, or (the demo prints 60 times faster) already produced.
        string[] started = ["InProduction", "Produced", "Shipped", "Delivered"];
        var last = new Dictionary<string, string>();
        await Eventually.UntilAsync(
            async () =>
            {
                foreach (var id in ids)
                {
                    last[id] = (await ShopApi.GetOrderAsync(_shop.Http, id))["status"]!.GetValue<string>();
                }

                return last.Values.All(started.Contains);
            },
            StartWithin,
            async () => $"not every order started within a minute: {string.Join(", ", last.Select(o => $"{o.Key} {o.Value}"))}; "
                + $"jobs: {await _shop.Http.GetStringAsync("/api/jobs?status=Queued")}");
    }
}
