using System.Net;
using System.Text.Json.Nodes;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Devices;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Admin;

/// <summary>
/// Cancelling an order whose part is on a printer: the job is cancelled in the shop first, the printer gets a cancel
/// command through the outbox, and its report of the stopped print ends the job without the unit being printed again;
/// the half-printed part is on the bed, so the printer waits for a person to clear it.
/// </summary>
public sealed class CancelWhilePrintingTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private TestShop shop = null!;
    private ScriptedPrinter printer = null!;

    public async Task InitializeAsync()
    {
        shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        printer = await ScriptedPrinter.RegisterAndConnectAsync(shop);
    }

    public async Task DisposeAsync()
    {
        await printer.DisposeAsync();
        await shop.DisposeAsync();
    }

    [Fact]
    public async Task The_printing_unit_is_stopped_on_its_printer_the_waiting_one_dropped_and_nothing_is_printed_again()
    {
        await printer.PublishStateAsync(BridgeStatus.Idle, DateTimeOffset.UtcNow.AddSeconds(-30));
        var orderId = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody(quantity: 2));
        var start = await printer.NextCommandAsync(PrinterCommandKind.Start);
        await printer.AckAsync(start);
        var t0 = DateTimeOffset.UtcNow;
        await printer.PublishStateAsync(BridgeStatus.Printing, t0, start.JobId, 0.3);
        await Eventually.UntilAsync(async () => await shop.TextAsync($"SELECT status FROM print_jobs WHERE id = '{start.JobId}'") == "Printing", Deadline, "the job to be printing");

        using var response = await shop.Http.PostAsync($"/api/admin/orders/{orderId}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(2, outcome["jobsCancelled"]!.GetValue<int>());
        Assert.Equal(1, outcome["printersStopped"]!.GetValue<int>());
        var cancel = await printer.NextCommandAsync(PrinterCommandKind.Cancel);
        Assert.Equal(start.JobId, cancel.JobId);
        await printer.AckAsync(cancel);

        // The bridge stops the print and says so, as a real one does.
        await printer.PublishEventAsync(PrinterEventKind.JobCancelled, start.JobId!, "cancelled by the shop");
        await printer.PublishStateAsync(BridgeStatus.Idle, t0.AddSeconds(2), lastJob: new JobOutcome(start.JobId!, JobOutcomeKind.Cancelled, "cancelled by the shop", t0.AddSeconds(2)));

        await Eventually.UntilAsync(async () => await shop.TextAsync("SELECT status FROM printers WHERE id = 'scripted-1'") == "NeedsBedClear", Deadline, "the printer to wait for its bed to be cleared");
        Assert.Equal("Cancelled", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{orderId}'"));
        Assert.Equal(2, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{orderId}'"));
        Assert.Equal(2, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{orderId}' AND status = 'Cancelled'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM printer_commands WHERE job_id = '{start.JobId}' AND kind = 'Cancel' AND accepted = 1"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'OrderCancelled' AND target = '{orderId}'"));
    }
}
