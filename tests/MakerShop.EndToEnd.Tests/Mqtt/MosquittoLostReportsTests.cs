using System.Text.Json.Nodes;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Devices;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Mqtt;

/// <summary>
/// The soak of issue 19: after a Mosquitto kill -9 restored from its autosave, the broker took printers' completions
/// (their bridges' outboxes emptied) but never delivered them to the shop, whose connection stayed up; 62 jobs stayed
/// Printing for ever. Here a real Mosquitto is made to do the same on purpose: its ACL is reloaded so that it accepts
/// the printer's completion and delivers the shop nothing but telemetry, then reloaded back. Nothing drops the shop's
/// connection, so only the shop noticing that the printer's telemetry contradicts its last state can resolve the job.
/// </summary>
public sealed class MosquittoLostReportsTests
{
    private const string ShopUser = "makershop-shop";
    private const string PrinterId = "scripted-1";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_completion_the_broker_accepted_but_never_delivered_on_a_live_connection_is_applied_from_the_retained_state()
    {
        var shopPassword = DeviceSecrets.NewSecret();
        var printerSecret = DeviceSecrets.NewSecret();
        await using var mosquitto = await MosquittoBroker.StartAsync(new Dictionary<string, string> { [ShopUser] = shopPassword, [PrinterId] = printerSecret });
        var settings = TestShopSettings.CreateTemporary() with
        {
            MqttPort = mosquitto.Port,
            ExternalBroker = (ShopUser, shopPassword),
            ExtraArgs = ["--MakerShop:Mqtt:DeliveryStallSeconds=5"],
        };
        await using var shop = await TestShop.StartAsync(settings);
        var credentials = await shop.Services.GetRequiredService<PrinterRegistry>().RegisterAsync(
            new PrinterRegistration(PrinterId, "Scripted", PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, "PLA", "black", "FR", AutoEject: true),
            printerSecret);
        await using var printer = await ScriptedPrinter.ConnectAsync(credentials, mosquitto.Port);

        await printer.PublishStateAsync(BridgeStatus.Idle, DateTimeOffset.UtcNow.AddSeconds(-30));
        var orderId = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());
        var start = await printer.NextCommandAsync(PrinterCommandKind.Start);
        var jobId = start.JobId!;
        await printer.AckAsync(start);
        await printer.PublishStateAsync(BridgeStatus.Printing, DateTimeOffset.UtcNow, jobId, 0.5);
        await printer.PublishTelemetryAsync(jobId, 0.5);
        await Eventually.UntilAsync(async () => await JobStatusAsync(shop, jobId) == "Printing", Deadline, $"job {jobId} to be Printing");

        // The broker still takes everything from the printer, but hands the shop only telemetry.
        var shipped = MosquittoBroker.ShippedAcl();
        await mosquitto.ReplaceAclAsync(shipped.Replace(
            "topic readwrite makershop/v1/#",
            "topic write makershop/v1/#\ntopic read makershop/v1/printers/+/telemetry",
            StringComparison.Ordinal));
        var finishedAt = DateTimeOffset.UtcNow;
        await printer.PublishEventAsync(PrinterEventKind.JobCompleted, jobId);
        await printer.PublishStateAsync(BridgeStatus.Idle, finishedAt, lastJob: new JobOutcome(jobId, JobOutcomeKind.Completed, null, finishedAt));
        await mosquitto.ReplaceAclAsync(shipped);

        // The printer goes on reporting telemetry, as an idle bridge does, and the shop's connection was never dropped.
        Assert.Equal("Printing", await JobStatusAsync(shop, jobId));
        await Eventually.UntilAsync(
            async () =>
            {
                await printer.PublishTelemetryAsync(jobId: null);
                return await JobStatusAsync(shop, jobId) == "Completed";
            },
            Deadline,
            $"job {jobId} to be Completed from the printer's retained state");

        await ShopApi.WaitForOrdersAsync(shop.Http, [orderId], "Produced", Deadline);
        var printers = JsonNode.Parse(await shop.Http.GetStringAsync("/api/printers"))!.AsArray();
        Assert.Equal("Idle", printers.Single()!["status"]!.GetValue<string>());
        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM print_jobs WHERE status = 'Completed'"));
    }

    private static async Task<string> JobStatusAsync(TestShop shop, string jobId)
    {
        var jobs = JsonNode.Parse(await shop.Http.GetStringAsync("/api/jobs"))!.AsArray();
        return jobs.Single(j => j!["id"]!.GetValue<string>() == jobId)!["status"]!.GetValue<string>();
    }
}
