using System.Net;
using MakerShop.Core;
using MakerShop.Printers.OctoPrint;
using MakerShop.Printers.Tests.Support;
using MakerShop.VirtualHttpPrinters.OctoPrint;
using MakerShop.VirtualHttpPrinters.Simulation;
using Refit;

namespace MakerShop.Printers.Tests.OctoPrint;

/// <summary>
/// The fake OctoPrint behaves as OctoPrint 1.10/1.11 does where that is less kind than a plain machine (reference §8
/// and OctoPrint's printer/standard.py, util/comm.py, server/api): checked through the shop's own Refit client.
/// </summary>
public sealed class FakeOctoPrintFidelityTests
{
    /// <summary>100 s of machine time at the rig's 100 bytes/s.</summary>
    private static readonly byte[] Part = new byte[10_000];

    [Fact]
    public async Task A_disconnect_aborts_the_print_and_forgets_the_selected_file()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);
        var api = rig.Api<IOctoPrintApi>();
        await UploadAndPrintAsync(api, "part.gcode");
        rig.Clock.Advance(TimeSpan.FromSeconds(20));

        using var disconnect = await api.PostConnectionAsync(new OctoPrintConnectionCommand("disconnect"));
        using var offline = await api.GetJobAsync();
        using var connect = await api.PostConnectionAsync(new OctoPrintConnectionCommand("connect"));
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        using var back = await api.GetJobAsync();
        using var printer = await api.GetPrinterAsync();

        Assert.Equal(HttpStatusCode.NoContent, disconnect.StatusCode);
        Assert.Equal("Offline", offline.Content!.State);
        Assert.Null(offline.Content.Job!.File!.Name);
        Assert.Equal(HttpStatusCode.NoContent, connect.StatusCode);
        Assert.Equal("Operational", back.Content!.State);
        Assert.Null(back.Content.Job!.File!.Name);
        Assert.Null(back.Content.Progress!.Completion);
        Assert.True(printer.Content!.State!.Flags!.Ready);
        Assert.Equal(["part.gcode"], rig.Machine.PrintsStarted);
        Assert.NotEqual(SimulatedPrintState.Complete, rig.Machine.Snapshot().State);
    }

    [Fact]
    public async Task A_serial_link_that_drops_mid_print_loses_the_print_as_a_disconnect_does()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);
        var api = rig.Api<IOctoPrintApi>();
        await UploadAndPrintAsync(api, "part.gcode");
        rig.Clock.Advance(TimeSpan.FromSeconds(20));

        ((FakeOctoPrintServer)rig.Server).DropSerialLink();
        using var offline = await api.GetPrinterAsync();
        using var connect = await api.PostConnectionAsync(new OctoPrintConnectionCommand("connect"));
        using var job = await api.GetJobAsync();

        Assert.Equal(HttpStatusCode.Conflict, offline.StatusCode);
        Assert.Equal(("Operational", (string?)null), (job.Content!.State, job.Content.Job!.File!.Name));
    }

    [Fact]
    public async Task An_emergency_stop_turns_the_heaters_off_and_leaves_OctoPrint_offline_after_error_until_connected_again()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);
        var api = rig.Api<IOctoPrintApi>();
        await UploadAndPrintAsync(api, "part.gcode");
        rig.Clock.Advance(TimeSpan.FromSeconds(20));

        using var stop = await api.SendGcodeAsync(new OctoPrintGcodeCommand(["M112"]));
        rig.Clock.Advance(TimeSpan.FromMinutes(10));
        using var job = await api.GetJobAsync();
        using var printer = await api.GetPrinterAsync();
        using var start = await api.PostJobAsync(OctoPrintJobCommand.Start);
        using var gcode = await api.SendGcodeAsync(new OctoPrintGcodeCommand(["M105"]));
        using var connection = await api.GetConnectionAsync();

        Assert.Equal(HttpStatusCode.NoContent, stop.StatusCode);
        Assert.Equal("Offline after error", job.Content!.State);
        Assert.Equal(OctoPrintHost.EmergencyStopError, job.Content.Error);
        Assert.Null(job.Content.Job!.File!.Name);
        Assert.Equal(HttpStatusCode.Conflict, printer.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, start.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, gcode.StatusCode);
        Assert.Equal("Closed", connection.Content!.Current!.State);
        Assert.Equal(["M112", "M104 T0 S0", "M140 S0"], rig.Machine.GcodeCommands);

        using var connect = await api.PostConnectionAsync(new OctoPrintConnectionCommand("connect"));
        using var after = await api.GetPrinterAsync();
        using var afterJob = await api.GetJobAsync();

        Assert.Equal(HttpStatusCode.NoContent, connect.StatusCode);
        Assert.Equal("Operational", after.Content!.State!.Text);
        Assert.False(after.Content.State.Flags!.Error);
        Assert.Null(afterJob.Content!.Error);
        Assert.Null(afterJob.Content.Job!.File!.Name);
    }

    [Fact]
    public async Task A_repeated_pause_or_resume_answers_204_and_changes_nothing()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);
        var api = rig.Api<IOctoPrintApi>();
        await UploadAndPrintAsync(api, "part.gcode");
        rig.Clock.Advance(TimeSpan.FromSeconds(20));

        using var pause = await api.PostJobAsync(OctoPrintJobCommand.Pause);
        using var pauseWhilePausing = await api.PostJobAsync(OctoPrintJobCommand.Pause);
        using var resumeWhilePausing = await api.PostJobAsync(OctoPrintJobCommand.Resume);
        rig.Clock.Advance(TimeSpan.FromSeconds(5));
        var paused = await TextAsync(api);
        using var pauseAgain = await api.PostJobAsync(OctoPrintJobCommand.Pause);
        var stillPaused = await TextAsync(api);
        using var resume = await api.PostJobAsync(OctoPrintJobCommand.Resume);
        rig.Clock.Advance(TimeSpan.FromSeconds(5));
        using var resumeAgain = await api.PostJobAsync(OctoPrintJobCommand.Resume);

        Assert.All([pause, pauseWhilePausing, resumeWhilePausing, pauseAgain, resume, resumeAgain], r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Equal(("Paused", "Paused"), (paused, stillPaused));
        Assert.Equal("Printing", await TextAsync(api));
    }

    [Fact]
    public async Task Starting_pausing_resuming_cancelling_and_finishing_show_with_their_flags_for_a_short_time_on_the_machine_clock()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);
        var api = rig.Api<IOctoPrintApi>();
        var seen = new List<(string? Text, OctoPrintStateFlags Flags)>();
        async Task LookAsync()
        {
            using var printer = await api.GetPrinterAsync();
            seen.Add((printer.Content!.State!.Text, printer.Content.State.Flags!));
        }

        await UploadAndPrintAsync(api, "part.gcode");
        await LookAsync();
        rig.Clock.Advance(TimeSpan.FromSeconds(1.5));
        await LookAsync();
        (await api.PostJobAsync(OctoPrintJobCommand.Pause)).Dispose();
        await LookAsync();
        rig.Clock.Advance(TimeSpan.FromSeconds(2.5));
        await LookAsync();
        (await api.PostJobAsync(OctoPrintJobCommand.Resume)).Dispose();
        await LookAsync();
        rig.Clock.Advance(TimeSpan.FromSeconds(1.5));
        await LookAsync();
        (await api.PostJobAsync(OctoPrintJobCommand.Cancel)).Dispose();
        await LookAsync();
        var scriptDuringCancel = rig.Machine.GcodeCommands.Count;
        rig.Clock.Advance(TimeSpan.FromSeconds(3.5));
        await LookAsync();
        (await api.PostJobAsync(OctoPrintJobCommand.Start)).Dispose();
        rig.Clock.Advance(TimeSpan.FromSeconds(100.5));
        await LookAsync();
        rig.Clock.Advance(TimeSpan.FromSeconds(2));
        await LookAsync();

        Assert.Equal(
            ["Starting", "Printing", "Pausing", "Paused", "Resuming", "Printing", "Cancelling", "Operational", "Finishing", "Operational"],
            seen.Select(s => s.Text));
        Assert.All(seen.Where(s => s.Text is "Starting" or "Pausing" or "Resuming" or "Cancelling" or "Finishing"), s => Assert.True(s.Flags.Printing && !s.Flags.Ready && !s.Flags.Paused, s.Text));
        Assert.True(seen[2].Flags.Pausing && seen[3].Flags.Paused && seen[4].Flags.Resuming && seen[6].Flags.Cancelling && seen[8].Flags.Finishing);
        Assert.True(seen[7].Flags.Ready && seen[9].Flags.Ready);
        Assert.Equal(0, scriptDuringCancel);
        Assert.Equal(OctoPrintHost.AfterPrintCancelledScript, rig.Machine.GcodeCommands);
        using var done = await api.GetJobAsync();
        Assert.Equal(100, done.Content!.Progress!.Completion);
    }

    [Fact]
    public async Task An_upload_with_print_while_disconnected_or_busy_is_stored_but_neither_selected_nor_printed()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);
        var api = rig.Api<IOctoPrintApi>();
        (await api.PostConnectionAsync(new OctoPrintConnectionCommand("disconnect"))).Dispose();

        var whileOffline = await UploadAndPrintAsync(api, "offline.gcode");
        (await api.PostConnectionAsync(new OctoPrintConnectionCommand("connect"))).Dispose();
        using var job = await api.GetJobAsync();
        await UploadAndPrintAsync(api, "first.gcode");
        (await api.PostJobAsync(OctoPrintJobCommand.Cancel)).Dispose();
        var whileCancelling = await UploadAndPrintAsync(api, "second.gcode");

        Assert.Equal((false, false), (whileOffline.EffectiveSelect, whileOffline.EffectivePrint));
        Assert.NotNull(rig.Machine.FileContent("offline.gcode"));
        Assert.Null(job.Content!.Job!.File!.Name);
        Assert.Equal((false, false), (whileCancelling.EffectiveSelect, whileCancelling.EffectivePrint));
        Assert.Equal(["first.gcode"], rig.Machine.PrintsStarted);
    }

    [Fact]
    public async Task Job_commands_get_409_when_not_operational_or_when_no_job_allows_them()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);
        var api = rig.Api<IOctoPrintApi>();

        using var pauseIdle = await api.PostJobAsync(OctoPrintJobCommand.Pause);
        using var cancelIdle = await api.PostJobAsync(OctoPrintJobCommand.Cancel);
        await UploadAndPrintAsync(api, "part.gcode");
        using var startWhileStarting = await api.PostJobAsync(OctoPrintJobCommand.Start);
        using var restartWhilePrinting = await api.PostJobAsync(new OctoPrintJobCommand("restart"));
        (await api.PostJobAsync(OctoPrintJobCommand.Cancel)).Dispose();
        using var startWhileCancelling = await api.PostJobAsync(OctoPrintJobCommand.Start);
        using var cancelWhileCancelling = await api.PostJobAsync(OctoPrintJobCommand.Cancel);
        (await api.PostConnectionAsync(new OctoPrintConnectionCommand("disconnect"))).Dispose();
        using var cancelOffline = await api.PostJobAsync(OctoPrintJobCommand.Cancel);

        Assert.All([pauseIdle, cancelIdle, startWhileStarting, restartWhilePrinting, startWhileCancelling, cancelOffline], r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(HttpStatusCode.NoContent, cancelWhileCancelling.StatusCode);
        Assert.Contains("not operational", ((ApiException)cancelOffline.Error!).Content, StringComparison.Ordinal);
        Assert.Equal(["part.gcode"], rig.Machine.PrintsStarted);
    }

    private static async Task<OctoPrintUploadResult> UploadAndPrintAsync(IOctoPrintApi api, string name)
    {
        using var upload = await api.UploadAsync(new StreamPart(new MemoryStream(Part), name, "application/octet-stream"), "true", "true");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        return upload.Content!;
    }

    private static async Task<string?> TextAsync(IOctoPrintApi api)
    {
        using var job = await api.GetJobAsync();
        return job.Content!.State;
    }
}
