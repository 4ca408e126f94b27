using System.Text.Json.Nodes;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.VirtualPrinter;

namespace MakerShop.EndToEnd.Tests.Production;

/// <summary>What goes wrong at the printer ends as a failed job with the printer's reason, seen by the shop over MQTT.</summary>
public sealed class FailedPrintsReachTheShopTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_printer_that_disconnects_mid_print_fails_the_job_with_the_reason_and_the_unit_is_retried()
    {
        var jobs = await RunOneOrderAsync(new VirtualPrinterOptions { DisconnectAfterLines = 400 });

        Assert.Contains("connection", FirstAttempt(jobs)["failureReason"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(jobs, j => j!["attempt"]!.GetValue<int>() == 2);
    }

    [Fact]
    public async Task A_thermal_runaway_mid_print_fails_the_job_with_the_firmwares_reason()
    {
        var jobs = await RunOneOrderAsync(new VirtualPrinterOptions { ThermalRunawayAfterLines = 300 });

        Assert.Contains("Thermal Runaway", FirstAttempt(jobs)["failureReason"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_download_whose_hash_does_not_match_fails_the_job_before_anything_is_printed()
    {
        var jobs = await RunOneOrderAsync(new VirtualPrinterOptions(), tamperWithGcode: true);

        Assert.Contains("sha256 mismatch", FirstAttempt(jobs)["failureReason"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    private static JsonNode FirstAttempt(JsonArray jobs) => jobs.Single(j => j!["attempt"]!.GetValue<int>() == 1)!;

    /// <summary>Places one order on one printer and returns the order's jobs once the shop has recorded the first as failed.</summary>
    private static async Task<JsonArray> RunOneOrderAsync(VirtualPrinterOptions printerOptions, bool tamperWithGcode = false)
    {
        var settings = TestShopSettings.CreateTemporary();
        await using var shop = await TestShop.StartAsync(settings);
        if (tamperWithGcode)
        {
            // Same size, one byte different: what a bit flip on disk or a proxy rewriting the body would do.
            var path = Path.Combine(shop.Settings.DataDirectory, "gcode", "calibration-cube.gcode");
            var bytes = await File.ReadAllBytesAsync(path);
            var digit = Array.FindLastIndex(bytes, b => b is >= (byte)'1' and <= (byte)'8');
            bytes[digit]++;
            await File.WriteAllBytesAsync(path, bytes);
        }

        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort, printerOptions: printerOptions);
        var orderId = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());

        JsonArray jobs = [];
        await Eventually.UntilAsync(
            async () =>
            {
                // The retry is stored in the same transaction as the failure, so this snapshot holds both.
                jobs = (await ShopApi.GetOrderAsync(shop.Http, orderId))["jobs"]!.AsArray();
                return jobs.Any(j => j!["attempt"]!.GetValue<int>() == 1 && j["status"]!.GetValue<string>() == "Failed");
            },
            Deadline,
            async () => $"the first job never failed: {await shop.Http.GetStringAsync($"/api/orders/{orderId}")}");
        return jobs;
    }
}
