using System.Text.Json.Nodes;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Devices;
using MakerShop.Web.Production;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Production;

/// <summary>How the shop reconciles what a printer says when messages arrive late, twice, or not at all.</summary>
public sealed class PrinterReportReconciliationTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private TestShop _shop = null!;
    private ScriptedPrinter _printer = null!;

    public async Task InitializeAsync()
    {
        _shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        _printer = await ScriptedPrinter.RegisterAndConnectAsync(_shop);
    }

    public async Task DisposeAsync()
    {
        await _printer.DisposeAsync();
        await _shop.DisposeAsync();
    }

    [Fact]
    public async Task A_completion_learned_only_from_the_retained_state_completes_the_job_and_the_order()
    {
        var (orderId, start) = await PlaceOrderAndReceiveStartAsync();
        var t0 = DateTimeOffset.UtcNow;
        await _printer.AckAsync(start);
        await _printer.PublishStateAsync(BridgeStatus.Printing, t0.AddSeconds(1), start.JobId, 0.5);

        // The JobCompleted event is lost; only the next retained state tells how the job ended.
        await _printer.PublishStateAsync(BridgeStatus.Idle, t0.AddSeconds(2), lastJob: new JobOutcome(start.JobId!, JobOutcomeKind.Completed, null, t0.AddSeconds(2)));

        await ShopApi.WaitForOrdersAsync(_shop.Http, [orderId], "Produced", Deadline);
        Assert.Equal("Completed", await JobStatusAsync(start.JobId!));
    }

    [Fact]
    public async Task A_stale_idle_state_arriving_after_a_newer_printing_state_does_not_fail_the_job()
    {
        var (_, start) = await PlaceOrderAndReceiveStartAsync();
        var t0 = DateTimeOffset.UtcNow;
        await _printer.AckAsync(start);
        await _printer.PublishStateAsync(BridgeStatus.Printing, t0.AddSeconds(5), start.JobId, 0.2);
        await WaitForJobStatusAsync(start.JobId!, "Printing");

        await _printer.PublishStateAsync(BridgeStatus.Idle, t0.AddSeconds(1));
        await _printer.PublishStateAsync(BridgeStatus.Printing, t0.AddSeconds(6), start.JobId, 0.3);
        await WaitForProgressAsync(start.JobId!, 0.3);

        Assert.Equal("Printing", await JobStatusAsync(start.JobId!));
        Assert.Equal(1, await _shop.CountAsync("SELECT COUNT(*) FROM print_jobs"));
    }

    [Fact]
    public async Task A_job_cancelled_at_the_printer_is_requeued_as_a_new_attempt()
    {
        var (orderId, start) = await PlaceOrderAndReceiveStartAsync();
        var t0 = DateTimeOffset.UtcNow;
        await _printer.AckAsync(start);
        await _printer.PublishStateAsync(BridgeStatus.Printing, t0.AddSeconds(1), start.JobId, 0.1);
        await _printer.PublishEventAsync(PrinterEventKind.JobCancelled, start.JobId!, "emergency stop");

        await _printer.PublishStateAsync(BridgeStatus.Idle, t0.AddSeconds(2), lastJob: new JobOutcome(start.JobId!, JobOutcomeKind.Cancelled, "emergency stop", t0.AddSeconds(2)));

        // Whatever the stop left on the bed is there until a person has looked, auto-eject or not.
        await WaitForPrinterStatusAsync("NeedsBedClear");
        await _shop.Services.GetRequiredService<MakerShop.Web.Makers.PrinterActions>().ApplyAsync(_printer.PrinterId, PrinterAction.BedCleared, null, null, CancellationToken.None);
        var retry = await _printer.NextCommandAsync(PrinterCommandKind.Start, after: start);

        Assert.NotEqual(start.JobId, retry.JobId);
        Assert.Equal("Failed", await JobStatusAsync(start.JobId!));
        var order = await ShopApi.GetOrderAsync(_shop.Http, orderId);
        Assert.Equal(2, order["jobs"]!.AsArray().Single(j => j!["id"]!.GetValue<string>() == retry.JobId)!["attempt"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_printer_that_refuses_a_job_because_its_bed_is_occupied_gets_no_new_job_until_a_person_confirms_the_bed()
    {
        var (_, start) = await PlaceOrderAndReceiveStartAsync();

        await _printer.AckAsync(start, accepted: false, reason: "bed-not-cleared");
        await WaitForPrinterStatusAsync("NeedsBedClear");
        Assert.Equal("Queued", await JobStatusAsync(start.JobId!));

        // An idle report is not a person's look at the bed.
        await _printer.PublishStateAsync(BridgeStatus.Idle, DateTimeOffset.UtcNow.AddSeconds(10));
        await _shop.Services.GetRequiredService<Dispatcher>().DispatchAsync();
        await WaitForPrinterStatusAsync("NeedsBedClear");
        Assert.Equal("Queued", await JobStatusAsync(start.JobId!));

        await _shop.Services.GetRequiredService<MakerShop.Web.Makers.PrinterActions>().ApplyAsync(_printer.PrinterId, PrinterAction.BedCleared, null, null, CancellationToken.None);
        var again = await _printer.NextCommandAsync(PrinterCommandKind.Start, after: start);
        Assert.Equal(start.JobId, again.JobId);
        Assert.NotEqual(start.CommandId, again.CommandId);
    }

    [Fact]
    public async Task A_job_refused_because_the_firmware_is_offline_leaves_the_printer_and_is_offered_again_when_it_is_back()
    {
        var (_, start) = await PlaceOrderAndReceiveStartAsync();

        await _printer.AckAsync(start, accepted: false, reason: "firmware-offline");
        await WaitForPrinterStatusAsync("Offline");
        Assert.Equal("Queued", await JobStatusAsync(start.JobId!));
        var printers = JsonNode.Parse(await _shop.Http.GetStringAsync("/api/printers"))!.AsArray();
        Assert.Null(printers.Single()!["currentJobId"]?.GetValue<string>());

        await _printer.PublishStateAsync(BridgeStatus.Idle, DateTimeOffset.UtcNow.AddSeconds(10));
        var again = await _printer.NextCommandAsync(PrinterCommandKind.Start, after: start);
        Assert.Equal(start.JobId, again.JobId);
    }

    [Fact]
    public async Task A_paused_job_resumes_and_completes_on_the_printers_word()
    {
        var (orderId, start) = await PlaceOrderAndReceiveStartAsync();
        var t0 = DateTimeOffset.UtcNow;
        await _printer.AckAsync(start);
        await _printer.PublishStateAsync(BridgeStatus.Printing, t0.AddSeconds(1), start.JobId, 0.2);
        await _printer.PublishStateAsync(BridgeStatus.Paused, t0.AddSeconds(2), start.JobId, 0.3);
        await WaitForJobStatusAsync(start.JobId!, "Paused");
        await WaitForPrinterStatusAsync("Paused");

        await _printer.PublishStateAsync(BridgeStatus.Paused, t0.AddSeconds(3), start.JobId, 0.3);
        await _printer.PublishStateAsync(BridgeStatus.Printing, t0.AddSeconds(4), start.JobId, 0.4);
        await WaitForJobStatusAsync(start.JobId!, "Printing");
        await _printer.PublishEventAsync(PrinterEventKind.JobCompleted, start.JobId!);

        await ShopApi.WaitForOrdersAsync(_shop.Http, [orderId], "Produced", Deadline);
        await WaitForPrinterStatusAsync("Idle");
    }

    private async Task<(string OrderId, PrinterCommandPayload Start)> PlaceOrderAndReceiveStartAsync()
    {
        await _printer.PublishStateAsync(BridgeStatus.Idle, DateTimeOffset.UtcNow.AddSeconds(-30));
        var orderId = await ShopApi.PlaceOrderAsync(_shop.Http, ShopApi.OrderBody());
        var start = await _printer.NextCommandAsync(PrinterCommandKind.Start);
        return (orderId, start);
    }

    private async Task<string> JobStatusAsync(string jobId)
    {
        var jobs = JsonNode.Parse(await _shop.Http.GetStringAsync("/api/jobs"))!.AsArray();
        return jobs.Single(j => j!["id"]!.GetValue<string>() == jobId)!["status"]!.GetValue<string>();
    }

    private Task WaitForJobStatusAsync(string jobId, string status) =>
        Eventually.UntilAsync(async () => await JobStatusAsync(jobId) == status, Deadline, $"job {jobId} to be {status}");

    private Task WaitForProgressAsync(string jobId, double progress) =>
        Eventually.UntilAsync(async () =>
        {
            var jobs = JsonNode.Parse(await _shop.Http.GetStringAsync("/api/jobs"))!.AsArray();
            return jobs.Single(j => j!["id"]!.GetValue<string>() == jobId)!["progress"]?.GetValue<double>() >= progress;
        }, Deadline, $"job {jobId} to reach progress {progress}");

    private Task WaitForPrinterStatusAsync(string status) =>
        Eventually.UntilAsync(async () =>
        {
            var printers = JsonNode.Parse(await _shop.Http.GetStringAsync("/api/printers"))!.AsArray();
            return printers.Single()!["status"]!.GetValue<string>() == status;
        }, Deadline, $"the printer to be {status}");
}
