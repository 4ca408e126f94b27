using System.Security.Cryptography;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.Printers.Http;
using MakerShop.Printers.Moonraker;
using MakerShop.Printers.Reports;
using MakerShop.Printers.Tests.Support;
using MakerShop.VirtualHttpPrinters.Moonraker;
using MakerShop.VirtualHttpPrinters.Simulation;

namespace MakerShop.Printers.Tests.Moonraker;

/// <summary>The Moonraker driver reads the server as it really answers: the bare upload answer, refusals by code and endpoint, Klipper's cancel, shutdown and restart.</summary>
public sealed class MoonrakerDriverTests
{
    private static readonly byte[] Gcode = new byte[5000];

    [Fact]
    public async Task An_upload_answered_print_started_is_done_without_a_second_look()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);

        var result = await UploadAsync(rig, "job_a.gcode");

        Assert.Equal(HttpCallOutcome.Done, result.Outcome);
        Assert.Equal([$"{HttpJobFiles.MoonrakerFolder}/job_a.gcode"], rig.Machine.PrintsStarted);
    }

    [Fact]
    public async Task An_upload_moonraker_queued_to_start_later_is_taken_not_refused()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        ((FakeMoonrakerServer)rig.Server).QueueGcodeUploads = true;
        rig.Machine.Disconnect();

        var result = await UploadAsync(rig, "job_b.gcode");

        Assert.Equal(HttpCallOutcome.Done, result.Outcome);
        Assert.Equal([$"{HttpJobFiles.MoonrakerFolder}/job_b.gcode"], ((FakeMoonrakerServer)rig.Server).QueuedJobs);
    }

    [Fact]
    public async Task A_403_on_the_upload_of_the_printing_file_is_a_conflict_not_an_authorisation_failure()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        var name = $"{HttpJobFiles.MoonrakerFolder}/job_c.gcode";
        rig.Machine.Upload(name, Gcode);
        rig.Machine.Start(name);

        var result = await UploadAsync(rig, "job_c.gcode");

        Assert.Equal(HttpCallOutcome.Conflict, result.Outcome);
        Assert.Contains("403", result.Detail, StringComparison.Ordinal);
        Assert.Single(rig.Machine.PrintsStarted);
    }

    [Fact]
    public async Task A_confirmed_cancel_turns_the_heaters_off_which_klippers_cancel_leaves_on()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(10));

        Assert.True(await rig.SendAsync(PrinterCommandKind.Cancel, jobId));
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(2));

        Assert.All(rig.Sink.OfType<CommandAcknowledgedReport>(), ack => Assert.True(ack.Accepted, ack.Reason));
        Assert.Equal(SimulatedPrintState.Cancelled, rig.Machine.Snapshot().State);
        Assert.Contains(MoonrakerProtocol.TurnOffHeaters, rig.Machine.GcodeCommands);
        Assert.All(rig.Sink.LastState.Heaters, h => Assert.Equal(0, h.Target));
        Assert.Single(rig.JobEvents(jobId), e => e.Kind == JobReportKind.Cancelled);
    }

    [Fact]
    public async Task Pause_resume_and_cancel_for_a_job_no_longer_printing_leave_the_idle_printer_as_it_is()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromMinutes(10));

        Assert.True(await rig.SendAsync(PrinterCommandKind.Pause, jobId));
        Assert.True(await rig.SendAsync(PrinterCommandKind.Resume, jobId));
        Assert.True(await rig.SendAsync(PrinterCommandKind.Cancel, jobId));
        Assert.Equal(HttpCallOutcome.Done, (await rig.Protocol.PauseAsync(rig.Endpoint)).Outcome);
        Assert.Equal(HttpCallOutcome.Done, (await rig.Protocol.ResumeAsync(rig.Endpoint)).Outcome);
        await rig.PollAsync();

        var acks = rig.Sink.OfType<CommandAcknowledgedReport>().Skip(1).ToList();
        Assert.Equal([false, false, true], acks.Select(a => a.Accepted));
        Assert.Equal(SimulatedPrintState.Complete, rig.Machine.Snapshot().State);
        Assert.Equal(ReportedActivity.Idle, rig.Sink.LastState.Activity);
        Assert.Single(rig.JobEvents(jobId), e => e.Kind == JobReportKind.Completed);
    }

    [Fact]
    public async Task A_shutdown_shows_the_printer_in_error_with_klippers_cause_and_fails_the_job()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(10));

        ((FakeMoonrakerServer)rig.Server).ShutdownKlipper("MCU 'mcu' shutdown: Timer too close");
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(ReportedActivity.Error, rig.Sink.LastState.Activity);
        var failed = Assert.Single(rig.JobEvents(jobId), e => e.Kind == JobReportKind.Failed);
        Assert.Equal("MCU 'mcu' shutdown: Timer too close", failed.Reason);
        Assert.Equal(new JobOutcome(jobId, JobOutcomeKind.Failed, "MCU 'mcu' shutdown: Timer too close", rig.Sink.LastState.LastJob!.At), rig.Sink.LastState.LastJob);
    }

    [Fact]
    public async Task A_firmware_restart_mid_print_ends_the_job_as_failed_with_the_restart_as_its_reason()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(10));

        using var restart = await rig.Api<IMoonrakerApi>().RunGcodeAsync(new MoonrakerGcodeScript("FIRMWARE_RESTART"));
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(2));
        await rig.AdvanceAndPollAsync(TimeSpan.FromMinutes(10));

        Assert.True(restart.IsSuccessStatusCode);
        var failed = Assert.Single(rig.JobEvents(jobId), e => e.Kind is JobReportKind.Failed or JobReportKind.Cancelled or JobReportKind.Completed);
        Assert.Equal(JobReportKind.Failed, failed.Kind);
        Assert.Contains("restart", failed.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ReportedActivity.Idle, rig.Sink.LastState.Activity);
        Assert.Null(rig.Sink.LastState.JobId);
        Assert.Single(rig.Machine.PrintsStarted);
    }

    [Fact]
    public async Task A_restart_the_shop_saw_only_as_klippy_away_still_ends_the_job_instead_of_losing_it()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(10));

        // The poll lands while Klippy reconnects: Moonraker answers 503, then Klipper is back with no print.
        rig.Machine.Disconnect();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(ReportedActivity.Offline, rig.Sink.LastState.Activity);
        ((FakeMoonrakerServer)rig.Server).RestartKlipper();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(2));

        var failed = Assert.Single(rig.JobEvents(jobId), e => e.Kind == JobReportKind.Failed);
        Assert.Equal(MoonrakerDroppedPrints.Reason, failed.Reason);
        Assert.Equal(ReportedActivity.Idle, rig.Sink.LastState.Activity);
    }

    [Fact]
    public async Task A_restart_after_a_completed_print_does_not_turn_the_completion_into_a_failure()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(10));
        await rig.AdvanceAndPollAsync(TimeSpan.FromMinutes(10));

        ((FakeMoonrakerServer)rig.Server).RestartKlipper();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(JobReportKind.Completed, Assert.Single(rig.JobEvents(jobId), e => e.Kind is not JobReportKind.Started).Kind);
        Assert.Equal(ReportedActivity.Idle, rig.Sink.LastState.Activity);
    }

    private static async Task<HttpCallResult> UploadAsync(HttpPrinterRig rig, string fileName)
    {
        using var content = new MemoryStream(Gcode);
        return await rig.Protocol.UploadAndPrintAsync(rig.Endpoint, fileName, content, Convert.ToHexStringLower(SHA256.HashData(Gcode)));
    }
}
