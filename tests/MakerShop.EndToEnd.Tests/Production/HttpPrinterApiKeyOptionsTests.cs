using System.Text.Json.Nodes;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Printers.Reports;
using MakerShop.VirtualHttpPrinters.Moonraker;
using MakerShop.VirtualHttpPrinters.Simulation;
using MakerShop.Web;
using MakerShop.Web.HttpPrinters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MakerShop.EndToEnd.Tests.Production;

/// <summary>A configured Moonraker that trusts the shop's address needs no API key, as README says; OctoPrint always does.</summary>
public sealed class HttpPrinterApiKeyOptionsTests
{
    [Fact]
    public async Task A_configured_Moonraker_without_an_api_key_starts_and_is_polled_without_one()
    {
        var machine = new SimulatedHttpPrinter(new SimulatedPrinterOptions { Name = "cfg-moonraker" }, TimeProvider.System);

        // This fake Moonraker trusts nobody, so the keyless polls it gets are refused and the printer shows in Error for
        // a refused key: proof that the host started with no key configured and polls the printer without one.
        await using var moonraker = new FakeMoonrakerServer(machine, "KEY0123456789ABCDEF0123456789ABCD");
        await moonraker.StartAsync();
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with { ExtraArgs = [.. MoonrakerArgs(moonraker.BaseUrl)] });

        await Eventually.UntilAsync(async () => await PrinterStatusAsync(shop.Http) == ("Error", PrinterErrorReasons.ApiKeyRefused), TimeSpan.FromSeconds(30), "the keyless polls of the Moonraker to be refused and shown as a refused key");
    }

    [Fact]
    public async Task A_Moonraker_key_reference_that_names_no_key_still_stops_the_host_with_the_setting_named()
    {
        var settings = TestShopSettings.CreateTemporary();

        await using var app = MakerShopHost.Create([.. settings.ToArgs(), .. MoonrakerArgs(new Uri("http://127.0.0.1:9/")), "--MakerShop:HttpPrinters:Printers:0:ApiKeyRef=missing"]);
        var failure = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<HttpPrintersOptions>>().Value);

        Assert.Contains("MakerShop:HttpPrinters:Printers:0:ApiKeyRef", failure.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> MoonrakerArgs(Uri baseUrl) =>
    [
        "--MakerShop:HttpPrinters:PollIntervalSeconds=0.2",
        "--MakerShop:HttpPrinters:Printers:0:Id=cfg-moonraker",
        "--MakerShop:HttpPrinters:Printers:0:Name=Configured Moonraker",
        "--MakerShop:HttpPrinters:Printers:0:Kind=Moonraker",
        "--MakerShop:HttpPrinters:Printers:0:BaseUrl=" + baseUrl,
        "--MakerShop:HttpPrinters:Printers:0:AutoEject=true",
    ];

    private static async Task<(string? Status, string? Reason)> PrinterStatusAsync(HttpClient http)
    {
        var printer = JsonNode.Parse(await http.GetStringAsync(new Uri("/api/printers", UriKind.Relative)))!.AsArray()
            .SingleOrDefault(p => p!["id"]!.GetValue<string>() == "cfg-moonraker");
        return (printer?["status"]?.GetValue<string>(), printer?["statusReason"]?.GetValue<string>());
    }
}
