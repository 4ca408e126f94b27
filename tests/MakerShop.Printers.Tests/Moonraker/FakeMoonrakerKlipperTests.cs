using System.Net;
using System.Text.Json.Nodes;
using MakerShop.Core;
using MakerShop.Printers.Tests.Support;
using MakerShop.VirtualHttpPrinters.Moonraker;

namespace MakerShop.Printers.Tests.Moonraker;

/// <summary>
/// The fake Moonraker answers as a real Moonraker v0.10 in front of Klipper v0.13 did: its error texts and codes, a
/// cancel that keeps the heaters on, a shutdown read from webhooks, a restart that drops the print, and print commands
/// that answer 200 when there is nothing to act on.
/// </summary>
public sealed class FakeMoonrakerKlipperTests
{
    private static readonly byte[] Gcode = new byte[5000];

    [Fact]
    public async Task Uploading_the_file_being_printed_gets_403_and_starting_over_a_print_gets_400_SD_busy()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        using var client = RawClient.For(rig.Server.BaseUrl, HttpPrinterRig.ApiKey);
        rig.Machine.Upload("shop/part.gcode", Gcode);
        rig.Machine.Start("shop/part.gcode");

        using var upload = await client.PostAsync(new Uri("/server/files/upload", UriKind.Relative), RawClient.Upload("file", "part.gcode", Gcode, ("path", "shop")));
        using var start = await client.PostAsync(new Uri("/printer/print/start?filename=shop/part.gcode", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal("File is loaded, upload not permitted", await ErrorMessageAsync(upload));
        Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
        Assert.Equal("SD busy", await ErrorMessageAsync(start));
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("cancel")]
    public async Task A_print_command_with_nothing_printing_answers_200_ok_and_changes_nothing(string command)
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        using var client = RawClient.For(rig.Server.BaseUrl, HttpPrinterRig.ApiKey);

        using var response = await client.PostAsync(new Uri($"/printer/print/{command}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["result"]!.GetValue<string>());
        Assert.Equal("standby", (await QueryAsync(client))["print_stats"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancel_keeps_the_heater_targets_until_TURN_OFF_HEATERS()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        using var client = RawClient.For(rig.Server.BaseUrl, HttpPrinterRig.ApiKey);
        rig.Machine.Upload("part.gcode", Gcode);
        rig.Machine.Start("part.gcode");
        rig.Clock.Advance(TimeSpan.FromSeconds(10));

        using var cancel = await client.PostAsync(new Uri("/printer/print/cancel", UriKind.Relative), null);
        var afterCancel = await QueryAsync(client);
        using var off = await client.PostAsync(new Uri("/printer/gcode/script", UriKind.Relative), RawClient.Json("""{"script":"TURN_OFF_HEATERS"}"""));
        var afterOff = await QueryAsync(client);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", afterCancel["print_stats"]!["state"]!.GetValue<string>());
        Assert.Equal(210, afterCancel["extruder"]!["target"]!.GetValue<double>());
        Assert.Equal(60, afterCancel["heater_bed"]!["target"]!.GetValue<double>());
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal(0, afterOff["extruder"]!["target"]!.GetValue<double>());
        Assert.Equal(0, afterOff["heater_bed"]!["target"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_shutdown_mid_print_reads_paused_in_print_stats_with_the_shutdown_and_its_cause_in_webhooks()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        using var client = RawClient.For(rig.Server.BaseUrl, HttpPrinterRig.ApiKey);
        rig.Machine.Upload("part.gcode", Gcode);
        rig.Machine.Start("part.gcode");

        using var stop = await client.PostAsync(new Uri("/printer/emergency_stop", UriKind.Relative), null);
        var status = await QueryAsync(client);
        using var pause = await client.PostAsync(new Uri("/printer/print/pause", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal("paused", status["print_stats"]!["state"]!.GetValue<string>());
        Assert.Equal("part.gcode", status["print_stats"]!["filename"]!.GetValue<string>());
        Assert.Equal("shutdown", status["webhooks"]!["state"]!.GetValue<string>());
        Assert.StartsWith("Shutdown due to webhooks request\nOnce the underlying issue is corrected", status["webhooks"]!["state_message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, pause.StatusCode);
    }

    [Theory]
    [InlineData("FIRMWARE_RESTART")]
    [InlineData("RESTART")]
    public async Task A_klipper_restart_mid_print_drops_the_print_to_an_empty_standby(string restart)
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        using var client = RawClient.For(rig.Server.BaseUrl, HttpPrinterRig.ApiKey);
        rig.Machine.Upload("part.gcode", Gcode);
        rig.Machine.Start("part.gcode");
        rig.Clock.Advance(TimeSpan.FromSeconds(10));

        using var script = await client.PostAsync(new Uri("/printer/gcode/script", UriKind.Relative), RawClient.Json($$"""{"script":"{{restart}}"}"""));
        rig.Clock.Advance(TimeSpan.FromMinutes(10));
        var status = await QueryAsync(client);

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("standby", status["print_stats"]!["state"]!.GetValue<string>());
        Assert.Equal("", status["print_stats"]!["filename"]!.GetValue<string>());
        Assert.Equal("ready", status["webhooks"]!["state"]!.GetValue<string>());
        Assert.Equal(0, status["extruder"]!["target"]!.GetValue<double>());
        Assert.Equal(["part.gcode"], rig.Machine.PrintsStarted);
    }

    [Fact]
    public async Task A_restart_after_a_shutdown_leaves_klipper_ready_with_no_print()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        var server = (FakeMoonrakerServer)rig.Server;
        using var client = RawClient.For(rig.Server.BaseUrl, HttpPrinterRig.ApiKey);
        rig.Machine.Upload("part.gcode", Gcode);
        rig.Machine.Start("part.gcode");
        server.ShutdownKlipper("MCU 'mcu' shutdown: Timer too close");

        using var restart = await client.PostAsync(new Uri("/printer/firmware_restart", UriKind.Relative), null);
        var status = await QueryAsync(client);

        Assert.Equal(HttpStatusCode.OK, restart.StatusCode);
        Assert.Equal("ready", status["webhooks"]!["state"]!.GetValue<string>());
        Assert.Equal("standby", status["print_stats"]!["state"]!.GetValue<string>());
        Assert.Equal("", status["print_stats"]!["filename"]!.GetValue<string>());
    }

    [Fact]
    public async Task With_queue_gcode_uploads_an_upload_that_cannot_start_is_queued()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        var server = (FakeMoonrakerServer)rig.Server;
        server.QueueGcodeUploads = true;
        using var client = RawClient.For(rig.Server.BaseUrl, HttpPrinterRig.ApiKey);
        rig.Machine.Upload("benchy.gcode", Gcode);
        rig.Machine.Start("benchy.gcode");

        using var upload = await client.PostAsync(new Uri("/server/files/upload", UriKind.Relative), RawClient.Upload("file", "part.gcode", Gcode, ("print", "true")));
        var answer = JsonNode.Parse(await upload.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.False(answer["print_started"]!.GetValue<bool>());
        Assert.True(answer["print_queued"]!.GetValue<bool>());
        Assert.Equal(["part.gcode"], server.QueuedJobs);
        Assert.Equal(["benchy.gcode"], rig.Machine.PrintsStarted);
    }

    private static async Task<string> ErrorMessageAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["message"]!.GetValue<string>();

    private static async Task<JsonNode> QueryAsync(HttpClient client)
    {
        using var response = await client.PostAsync(
            new Uri("/printer/objects/query", UriKind.Relative),
            RawClient.Json("""{"objects":{"print_stats":null,"webhooks":null,"extruder":null,"heater_bed":null}}"""));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["result"]!["status"]!;
    }
}
