using System.Globalization;
using System.Text.Json.Nodes;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.VirtualHttpPrinters.OctoPrint;
using MakerShop.VirtualHttpPrinters.Simulation;
using MakerShop.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MakerShop.EndToEnd.Tests.Production;

/// <summary>An HTTP printer listed in the host's configuration that goes silent mid-print, through the real host.</summary>
public sealed class SilentHttpPrinterTests
{
    private const string ApiKey = "SILENT0123456789ABCDEF0123456789";

    [Fact]
    public async Task A_configured_OctoPrint_that_vanishes_mid_print_goes_Offline_keeps_its_job_and_completes_it_when_back()
    {
        // 5 bytes per simulated second at 600x: the 31 KB calibration cube prints for about ten real seconds.
        var machine = new SimulatedHttpPrinter(new SimulatedPrinterOptions { Name = "cfg-octoprint", TimeScale = 600, BytesPerSecond = 5 }, TimeProvider.System);
        await using var octoPrint = new FakeOctoPrintServer(machine, ApiKey);
        await octoPrint.StartAsync();
        var settings = TestShopSettings.CreateTemporary();
        var app = MakerShopHost.Create([.. settings.ToArgs(), .. HttpPrinterArgs(octoPrint.BaseUrl)]);
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await using var _ = app;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{settings.HttpPort}"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Owner-Key", TestShopSettings.OwnerKey);

        var orderId = await ShopApi.PlaceOrderAsync(http, ShopApi.OrderBody(colour: "black"));
        await ShopApi.WaitForAnyJobAsync(http, "Printing", TimeSpan.FromSeconds(60));

        await octoPrint.StopAsync();
        await Eventually.UntilAsync(async () => await PrinterStatusAsync(http) == "Offline", TimeSpan.FromSeconds(30), "the silent printer to be shown Offline");
        Assert.Equal("Printing", await JobStatusAsync(http));

        // The print finishes while nobody can see it; the shop still does not call the job lost.
        await Eventually.UntilAsync(() => machine.Snapshot().State == SimulatedPrintState.Complete, TimeSpan.FromSeconds(60), "the machine to finish the print");
        Assert.Equal("Printing", await JobStatusAsync(http));

        await octoPrint.StartAsync();
        await ShopApi.WaitForOrdersAsync(http, [orderId], "Produced", TimeSpan.FromSeconds(60));
        var jobs = JsonNode.Parse(await http.GetStringAsync(new Uri("/api/jobs", UriKind.Relative)))!.AsArray();
        var job = Assert.Single(jobs)!;
        Assert.Equal(("Completed", 1), (job["status"]!.GetValue<string>(), job["attempt"]!.GetValue<int>()));
        Assert.Single(machine.PrintsStarted);
        await Eventually.UntilAsync(async () => await PrinterStatusAsync(http) == "Idle", TimeSpan.FromSeconds(30), "the printer to be Idle again");
        await app.StopAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_configured_printer_whose_api_key_is_missing_stops_the_host_with_the_setting_named()
    {
        var settings = TestShopSettings.CreateTemporary();
        var args = HttpPrinterArgs(new Uri("http://127.0.0.1:9/")).Where(a => !a.Contains("ApiKeys", StringComparison.Ordinal));

        await using var app = MakerShopHost.Create([.. settings.ToArgs(), .. args]);
        var failure = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<MakerShop.Web.HttpPrinters.HttpPrintersOptions>>().Value);

        Assert.Contains("MakerShop:HttpPrinters:Printers:0:ApiKeyRef", failure.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> HttpPrinterArgs(Uri baseUrl) =>
    [
        "--MakerShop:HttpPrinters:PollIntervalSeconds=0.2",
        "--MakerShop:HttpPrinters:OfflineAfterSeconds=3",
        "--MakerShop:HttpPrinters:RequestTimeoutSeconds=2",
        "--MakerShop:HttpPrinters:Printers:0:Id=cfg-octoprint",
        "--MakerShop:HttpPrinters:Printers:0:Name=Configured OctoPrint",
        "--MakerShop:HttpPrinters:Printers:0:Kind=OctoPrint",
        "--MakerShop:HttpPrinters:Printers:0:BaseUrl=" + baseUrl,
        "--MakerShop:HttpPrinters:Printers:0:ApiKeyRef=cfg-octoprint",
        "--MakerShop:HttpPrinters:Printers:0:LoadedColour=black",
        "--MakerShop:HttpPrinters:Printers:0:AutoEject=true",
        "--MakerShop:HttpPrinters:ApiKeys:cfg-octoprint=" + ApiKey,
    ];

    private static async Task<string> PrinterStatusAsync(HttpClient http) =>
        JsonNode.Parse(await http.GetStringAsync(new Uri("/api/printers", UriKind.Relative)))!.AsArray()
            .Single(p => p!["id"]!.GetValue<string>() == "cfg-octoprint")!["status"]!.GetValue<string>();

    private static async Task<string> JobStatusAsync(HttpClient http) =>
        JsonNode.Parse(await http.GetStringAsync(new Uri("/api/jobs", UriKind.Relative)))!.AsArray().Single()!["status"]!.GetValue<string>();
}
