using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.VirtualHttpPrinters.Hosting;
using MakerShop.VirtualHttpPrinters.Moonraker;
using MakerShop.VirtualHttpPrinters.OctoPrint;
using MakerShop.VirtualHttpPrinters.PrusaLink;
using MakerShop.VirtualHttpPrinters.Simulation;
using MakerShop.Web.Devices;
using MakerShop.Web.HttpPrinters;
using MakerShop.Web.Makers;
using MakerShop.Web.Production;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Production;

/// <summary>
/// The bed-safety rule through the real host, for each way a print ends on each kind of printer: after any ending but
/// an auto-ejected completion the dispatcher gives the printer nothing, and neither a reconnect, a server or firmware
/// restart nor any number of polls changes that; a person's "bed is clear" does. Every ending but the completion is
/// run on a printer that ejects its own parts, which proves the rule is about the ending, not the hardware.
/// </summary>
public sealed class BedSafetyTests
{
    private const string ApiKey = "BED0123456789ABCDEF0123456789ABC";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static TheoryData<PrinterKind, PrintEnding> HttpCases()
    {
        var data = new TheoryData<PrinterKind, PrintEnding>();
        foreach (var kind in new[] { PrinterKind.OctoPrint, PrinterKind.Moonraker, PrinterKind.PrusaLink })
        {
            foreach (var ending in Enum.GetValues<PrintEnding>())
            {
                data.Add(kind, ending);
            }
        }

        return data;
    }

    public static TheoryData<PrintEnding> BridgeCases() => [.. Enum.GetValues<PrintEnding>()];

    [Theory]
    [MemberData(nameof(HttpCases))]
    public async Task An_HTTP_printer_takes_no_job_after_the_ending_until_a_person_confirms_its_bed_whatever_reconnects_restarts_and_polls_say(PrinterKind kind, PrintEnding ending)
    {
        // Polled four times a second, so the endings, reconnects and restarts are seen in seconds rather than tens of them.
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with
        {
            ExtraArgs = ["--MakerShop:HttpPrinters:PollIntervalSeconds=0.25", .. kind == PrinterKind.PrusaLink ? ["--MakerShop:HttpPrinters:OfflineAfterSeconds=1"] : Array.Empty<string>()],
        });
        var id = "bed-" + kind.ToString().ToLowerInvariant();

        // A completed print is quick (600 machine seconds a second); every other ending needs a print that is still running.
        var machine = new SimulatedHttpPrinter(new SimulatedPrinterOptions { Name = id, TimeScale = ending == PrintEnding.Completed ? 600 : 1, BytesPerSecond = 100 }, TimeProvider.System);
        await using var server = await StartServerAsync(shop, kind, id, machine, autoEject: ending != PrintEnding.Completed);
        await WaitForPrinterAsync(shop, id, "Idle");

        string? firstJob = null;
        if (ending == PrintEnding.NotStartedByShop)
        {
            // Someone starts a 10 s print on the printer's own page (OctoPrint, Mainsail): the shop did not send it.
            Assert.Equal(SimulatedCommandResult.Done, machine.Upload("benchy.gcode", new byte[1000]));
            Assert.Equal(SimulatedCommandResult.Done, machine.Start("benchy.gcode"));
            await WaitForPrinterAsync(shop, id, "Busy");
            await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());
            await AssertNothingDispatchedAsync(shop, id);
            Assert.Equal(["benchy.gcode"], machine.PrintsStarted);
        }
        else
        {
            await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());
            await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());
            firstJob = await WaitForJobOnPrinterAsync(shop, id, ending == PrintEnding.Completed ? null : "Printing");
        }

        switch (ending)
        {
            case PrintEnding.Completed:
                await WaitForJobAsync(shop, firstJob!, "Completed");
                break;
            case PrintEnding.Failed:
                machine.Fault("Heater extruder not heating at expected rate");
                await WaitForJobAsync(shop, firstJob!, "Failed");
                machine.Restart();
                break;
            case PrintEnding.Cancelled:
                Assert.Equal(SimulatedCommandResult.Done, machine.Cancel());
                await WaitForJobAsync(shop, firstJob!, "Failed");
                break;
            case PrintEnding.EmergencyStop:
                await shop.Services.GetRequiredService<PrinterActions>().ApplyAsync(id, PrinterAction.EmergencyStop, null, null, CancellationToken.None);
                await WaitForJobAsync(shop, firstJob!, "Failed");
                machine.Restart();
                break;
            case PrintEnding.Unknown:
                machine.Restart();
                await WaitForJobAsync(shop, firstJob!, "Failed");
                // OctoPrint just forgets the print; Moonraker's driver remembers the file and names Klipper's restart.
                Assert.Contains(
                    kind == PrinterKind.Moonraker ? "Klipper dropped the print" : "unknown",
                    await shop.TextAsync($"SELECT failure_reason FROM print_jobs WHERE id = '{firstJob}'"),
                    StringComparison.Ordinal);
                break;
            case PrintEnding.NotStartedByShop:
                // The print started at the printer finishes on its own.
                break;
        }

        await WaitForPrinterAsync(shop, id, "NeedsBedClear");
        var printsBefore = machine.PrintsStarted.Count;

        // The link to the firmware drops and comes back, then the server (or Klipper) restarts and forgets its last file.
        // PrusaLink runs in the printer itself, which has no link of its own to lose: it drops off the network and reboots.
        if (kind == PrinterKind.PrusaLink)
        {
            await server.StopAsync();
            await WaitForPrinterAsync(shop, id, "Offline");
            ((FakePrusaLinkServer)server).Reboot();
            await server.StartAsync();
        }
        else
        {
            machine.Disconnect();
            await WaitForPrinterAsync(shop, id, "Offline");
            machine.Reconnect();
            machine.Restart();
        }

        await WaitForPrinterAsync(shop, id, "NeedsBedClear");
        await WaitForPollsAsync(shop, id, count: 2);

        await AssertNothingDispatchedAsync(shop, id);
        Assert.Equal(printsBefore, machine.PrintsStarted.Count);
        Assert.Equal(0, await shop.CountAsync($"SELECT bed_clear FROM printers WHERE id = '{id}'"));

        await shop.Services.GetRequiredService<PrinterActions>().ApplyAsync(id, PrinterAction.BedCleared, null, null, CancellationToken.None);

        await Eventually.UntilAsync(() => machine.PrintsStarted.Count > printsBefore, Deadline, "the next job to start once the bed was confirmed clear");
        // The printer accepted the "bed is clear" command (it used to be refused as malformed without a job id).
        await Eventually.UntilAsync(async () => await shop.CountAsync($"SELECT COUNT(*) FROM printer_commands WHERE printer_id = '{id}' AND kind = 'BedCleared' AND accepted = 1") == 1, Deadline, "the bed-cleared command to be accepted");
        Assert.Equal(0, await shop.CountAsync($"SELECT COUNT(*) FROM printer_commands WHERE printer_id = '{id}' AND kind = 'BedCleared' AND accepted = 0"));
    }

    [Theory]
    [MemberData(nameof(BridgeCases))]
    public async Task A_firmware_bridge_printer_takes_no_job_after_the_ending_until_a_person_confirms_its_bed_whatever_reconnects_and_states_say(PrintEnding ending)
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        var autoEject = ending != PrintEnding.Completed;
        var credentials = await shop.Services.GetRequiredService<PrinterRegistry>().RegisterAsync(
            new PrinterRegistration("bed-bridge", "Bed bridge", PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, "PLA", "black", "FR", AutoEject: autoEject));
        await using var printer = await ScriptedPrinter.ConnectAsync(credentials, shop.Settings.MqttPort);
        var t = DateTimeOffset.UtcNow.AddSeconds(-60);
        DateTimeOffset Next() => t = t.AddSeconds(1);
        await printer.PublishStateAsync(BridgeStatus.Idle, Next());
        await WaitForPrinterAsync(shop, printer.PrinterId, "Idle");

        // A bridge that ejects its parts says Idle after any ending; one that does not says Finished. Neither clears the shop's record.
        var after = autoEject ? BridgeStatus.Idle : BridgeStatus.Finished;
        PrinterCommandPayload? start = null;
        if (ending == PrintEnding.NotStartedByShop)
        {
            await printer.PublishStateAsync(BridgeStatus.Printing, Next(), jobId: null, progress: 0.1);
            await WaitForPrinterAsync(shop, printer.PrinterId, "Busy");
            await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());
            await AssertNothingDispatchedAsync(shop, printer.PrinterId);
            await printer.PublishStateAsync(BridgeStatus.Idle, Next());
        }
        else
        {
            await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());
            await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());
            start = await printer.NextCommandAsync(PrinterCommandKind.Start);
            await printer.AckAsync(start);
            await printer.PublishStateAsync(BridgeStatus.Printing, Next(), start.JobId, 0.18);
            await WaitForJobAsync(shop, start.JobId!, "Printing");
            var jobId = start.JobId!;
            switch (ending)
            {
                case PrintEnding.Completed:
                    await printer.PublishEventAsync(PrinterEventKind.JobCompleted, jobId);
                    await printer.PublishStateAsync(after, Next(), lastJob: new JobOutcome(jobId, JobOutcomeKind.Completed, null, t));
                    break;
                case PrintEnding.Failed:
                    await printer.PublishEventAsync(PrinterEventKind.JobFailed, jobId, "Thermal runaway");
                    await printer.PublishStateAsync(after, Next(), lastJob: new JobOutcome(jobId, JobOutcomeKind.Failed, "Thermal runaway", t));
                    break;
                case PrintEnding.Cancelled:
                    await printer.PublishEventAsync(PrinterEventKind.JobCancelled, jobId, "cancelled on the printer's screen");
                    await printer.PublishStateAsync(after, Next(), lastJob: new JobOutcome(jobId, JobOutcomeKind.Cancelled, "cancelled on the printer's screen", t));
                    break;
                case PrintEnding.EmergencyStop:
                    await printer.PublishEventAsync(PrinterEventKind.JobCancelled, jobId, "emergency stop");
                    await printer.PublishStateAsync(BridgeStatus.Error, Next(), lastJob: new JobOutcome(jobId, JobOutcomeKind.Cancelled, "emergency stop", t));
                    await WaitForPrinterAsync(shop, printer.PrinterId, "Error");
                    await printer.PublishStateAsync(BridgeStatus.Idle, Next());
                    break;
                case PrintEnding.Unknown:
                    // The bridge vanishes mid-print and comes back with no record of the job.
                    await printer.PublishStateAsync(BridgeStatus.Offline, Next());
                    await WaitForPrinterAsync(shop, printer.PrinterId, "Offline");
                    await printer.PublishStateAsync(BridgeStatus.Idle, Next());
                    break;
            }

            await WaitForJobAsync(shop, jobId, ending == PrintEnding.Completed ? "Completed" : "Failed");
        }

        await WaitForPrinterAsync(shop, printer.PrinterId, "NeedsBedClear");

        // The bridge reconnects and, having lost its own record, says it is idle.
        await printer.PublishStateAsync(BridgeStatus.Offline, Next());
        await WaitForPrinterAsync(shop, printer.PrinterId, "Offline");
        await printer.PublishStateAsync(BridgeStatus.Idle, Next());
        await WaitForPrinterAsync(shop, printer.PrinterId, "NeedsBedClear");
        var stateAt = await shop.TextAsync($"SELECT last_state_at FROM printers WHERE id = '{printer.PrinterId}'");
        await printer.PublishStateAsync(BridgeStatus.Idle, Next());
        await Eventually.UntilAsync(async () => await shop.TextAsync($"SELECT last_state_at FROM printers WHERE id = '{printer.PrinterId}'") != stateAt, Deadline, "the second idle state to be applied");

        await AssertNothingDispatchedAsync(shop, printer.PrinterId);
        Assert.Equal("NeedsBedClear", await shop.TextAsync($"SELECT status FROM printers WHERE id = '{printer.PrinterId}'"));

        await shop.Services.GetRequiredService<PrinterActions>().ApplyAsync(printer.PrinterId, PrinterAction.BedCleared, null, null, CancellationToken.None);

        var next = await printer.NextCommandAsync(PrinterCommandKind.Start, after: start);
        Assert.NotEqual(start?.JobId, next.JobId);
    }

    private static async Task<VirtualHttpServer> StartServerAsync(TestShop shop, PrinterKind kind, string id, SimulatedHttpPrinter machine, bool autoEject)
    {
        VirtualHttpServer server = kind switch
        {
            PrinterKind.OctoPrint => new FakeOctoPrintServer(machine, ApiKey),
            PrinterKind.PrusaLink => new FakePrusaLinkServer(machine, ApiKey),
            _ => new FakeMoonrakerServer(machine, ApiKey),
        };
        await server.StartAsync();
        await shop.Services.GetRequiredService<HttpPrinterProvisioner>().ProvisionAsync(
            new HttpPrinterDefinition { Id = id, Name = id, Kind = kind, BaseUrl = server.BaseUrl, ApiKeyRef = id, LoadedMaterial = "PLA", LoadedColour = "black", AutoEject = autoEject },
            ApiKey);
        return server;
    }

    /// <summary>A dispatch pass runs to its end; then no job may be on its way to or on the printer.</summary>
    private static async Task AssertNothingDispatchedAsync(TestShop shop, string printerId)
    {
        await shop.Services.GetRequiredService<Dispatcher>().DispatchAsync();
        Assert.Equal(0, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE printer_id = '{printerId}' AND status IN ('Assigned', 'Transferring', 'Printing', 'Paused')"));
        Assert.True(await shop.CountAsync("SELECT COUNT(*) FROM print_jobs WHERE status = 'Queued'") > 0, "a job is waiting for the printer");
    }

    private static Task WaitForPrinterAsync(TestShop shop, string printerId, string status) =>
        Eventually.UntilAsync(
            async () => await shop.TextAsync($"SELECT status FROM printers WHERE id = '{printerId}'") == status,
            Deadline,
            async () => $"printer {printerId} to be {status}; it is {await shop.TextAsync($"SELECT status FROM printers WHERE id = '{printerId}'")}");

    private static Task WaitForJobAsync(TestShop shop, string jobId, string status) =>
        Eventually.UntilAsync(
            async () => await shop.TextAsync($"SELECT status FROM print_jobs WHERE id = '{jobId}'") == status,
            Deadline,
            async () => $"job {jobId} to be {status}; it is {await shop.TextAsync($"SELECT status FROM print_jobs WHERE id = '{jobId}'")}");

    private static async Task<string> WaitForJobOnPrinterAsync(TestShop shop, string printerId, string? status)
    {
        var filter = status is null ? "" : $" AND status = '{status}'";
        string? jobId = null;
        await Eventually.UntilAsync(
            async () => (jobId = await shop.TextAsync($"SELECT id FROM print_jobs WHERE printer_id = '{printerId}'{filter} ORDER BY queued_at LIMIT 1")) is not null,
            Deadline,
            $"a job {status ?? "assigned"} on {printerId}");
        return jobId!;
    }

    /// <summary>Waits until the printer has been seen <paramref name="count"/> more times: polls that found nothing new.</summary>
    private static async Task WaitForPollsAsync(TestShop shop, string printerId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var seen = await shop.TextAsync($"SELECT last_seen_at FROM printers WHERE id = '{printerId}'");
            await Eventually.UntilAsync(async () => await shop.TextAsync($"SELECT last_seen_at FROM printers WHERE id = '{printerId}'") != seen, Deadline, $"printer {printerId} to be polled again");
        }
    }
}
