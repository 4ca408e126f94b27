using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.Printers.Http;
using MakerShop.Printers.Reports;
using MakerShop.Printers.Tests.Support;
using MakerShop.VirtualHttpPrinters.Simulation;

namespace MakerShop.Printers.Tests.Connectors;

/// <summary>A job's whole life on an OctoPrint, a Moonraker and a PrusaLink printer, through the real Refit clients and connector.</summary>
public sealed class HttpPrinterJobLifecycleTests
{
    public static TheoryData<PrinterKind> Kinds => new() { PrinterKind.OctoPrint, PrinterKind.Moonraker, PrinterKind.PrusaLink };

    /// <summary>PrusaLink runs in the printer itself, so it has no firmware link of its own to lose and no G-code endpoint for M112.</summary>
    public static TheoryData<PrinterKind> KindsWithAHostInFront => new() { PrinterKind.OctoPrint, PrinterKind.Moonraker };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Start_fetches_the_job_from_the_shop_uploads_it_as_the_file_part_and_prints_it(PrinterKind kind)
    {
        await using var rig = await HttpPrinterRig.StartAsync(kind);

        var (jobId, commandId, delivered) = await rig.StartJobAsync();

        Assert.True(delivered);
        Assert.True(rig.AckOf(commandId).Accepted);
        Assert.Equal(1, rig.Shop.Downloads);
        var expectedName = kind == PrinterKind.Moonraker ? $"{HttpJobFiles.MoonrakerFolder}/{jobId}.gcode" : $"{jobId}.gcode";
        Assert.Equal([expectedName], rig.Machine.Uploads);
        Assert.Equal(rig.Shop.Content(jobId), rig.Machine.FileContent(expectedName));
        Assert.Equal([expectedName], rig.Machine.PrintsStarted);

        await rig.PollAsync();
        Assert.Equal(JobReportKind.Started, Assert.Single(rig.JobEvents(jobId)).Kind);
        Assert.Equal(ReportedActivity.Working, rig.Sink.LastState.Activity);
        Assert.Equal(jobId, rig.Sink.LastState.JobId);
        Assert.Contains(rig.Sink.LastState.Heaters, h => h.Name == "tool0" && h.Target > 0);
        Assert.StartsWith(kind switch { PrinterKind.OctoPrint => "OctoPrint 1.10.3", PrinterKind.PrusaLink => "PrusaLink / firmware 6.1.3", _ => "Klipper v0.12.0" }, rig.Sink.LastState.Firmware, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_print_progresses_to_completion_and_its_end_is_reported_once(PrinterKind kind)
    {
        await using var rig = await HttpPrinterRig.StartAsync(kind);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.PollAsync();

        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(20));
        var early = rig.Sink.LastState.Progress!.Value;
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(40));
        var later = rig.Sink.LastState.Progress!.Value;
        Assert.InRange(early, 0.01, 0.99);
        Assert.True(later > early, $"progress went from {early} to {later}");
        Assert.NotNull(rig.Sink.LastState.EtaSeconds);

        await rig.AdvanceAndPollAsync(TimeSpan.FromMinutes(10));
        var ending = rig.Sink.LastState;
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(5));

        var completed = Assert.Single(rig.JobEvents(jobId), e => e.Kind == JobReportKind.Completed);
        Assert.Equal(1, completed.Progress);
        Assert.Equal(ReportedActivity.Idle, rig.Sink.LastState.Activity);
        Assert.Equal(new JobOutcome(jobId, JobOutcomeKind.Completed, null, ending.LastJob!.At), ending.LastJob);
        Assert.DoesNotContain(rig.JobEvents(jobId), e => e.Kind is JobReportKind.Failed or JobReportKind.Cancelled);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Pause_holds_the_print_where_it_is_and_resume_carries_on(PrinterKind kind)
    {
        await using var rig = await HttpPrinterRig.StartAsync(kind);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(10));

        Assert.True(await rig.SendAsync(PrinterCommandKind.Pause, jobId));
        Assert.Equal(SimulatedPrintState.Paused, rig.Machine.Snapshot().State);
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(1));
        var pausedAt = rig.Sink.LastState.Progress;
        await rig.AdvanceAndPollAsync(TimeSpan.FromMinutes(30));
        Assert.Equal(ReportedActivity.Paused, rig.Sink.LastState.Activity);
        Assert.Equal(pausedAt, rig.Sink.LastState.Progress);

        // A re-sent pause is acknowledged without toggling the print back on.
        Assert.True(await rig.SendAsync(PrinterCommandKind.Pause, jobId));
        Assert.Equal(SimulatedPrintState.Paused, rig.Machine.Snapshot().State);

        Assert.True(await rig.SendAsync(PrinterCommandKind.Resume, jobId));
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ReportedActivity.Working, rig.Sink.LastState.Activity);
        Assert.True(rig.Sink.LastState.Progress > pausedAt);
        Assert.All(rig.Sink.OfType<CommandAcknowledgedReport>(), ack => Assert.True(ack.Accepted, ack.Reason));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Cancel_stops_the_print_and_the_printer_reports_the_job_cancelled(PrinterKind kind)
    {
        await using var rig = await HttpPrinterRig.StartAsync(kind);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(10));

        Assert.True(await rig.SendAsync(PrinterCommandKind.Cancel, jobId));
        Assert.True(await rig.SendAsync(PrinterCommandKind.Cancel, jobId));
        // OctoPrint shows "Cancelling" for a few seconds before the print is over.
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(SimulatedPrintState.Cancelled, rig.Machine.Snapshot().State);
        Assert.Single(rig.JobEvents(jobId), e => e.Kind == JobReportKind.Cancelled);
        Assert.Equal(ReportedActivity.Idle, rig.Sink.LastState.Activity);
        Assert.Equal(JobOutcomeKind.Cancelled, rig.Sink.LastState.LastJob!.Outcome);
        Assert.All(rig.Sink.OfType<CommandAcknowledgedReport>(), ack => Assert.True(ack.Accepted, ack.Reason));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_re_sent_start_neither_uploads_nor_prints_the_job_a_second_time(PrinterKind kind)
    {
        await using var rig = await HttpPrinterRig.StartAsync(kind);
        var jobId = $"job_{Guid.NewGuid():N}";
        var payload = HttpPrinterRig.Command(PrinterCommandKind.Start, jobId, rig.Shop.AddJob(jobId), "cmd_resent");

        Assert.True(await rig.Connector.DeliverAsync(HttpPrinterRig.PrinterId, payload));
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(5));
        Assert.True(await rig.Connector.DeliverAsync(HttpPrinterRig.PrinterId, payload));

        // Re-sent once the print has finished, before the shop has recorded its end (after that, the outbox drops it).
        rig.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.True(await rig.Connector.DeliverAsync(HttpPrinterRig.PrinterId, payload));
        await rig.PollAsync();
        Assert.Single(rig.JobEvents(jobId), e => e.Kind == JobReportKind.Completed);

        // Re-sent after the shop recorded the end (an acknowledgement lost in the meantime): the file is still there.
        Assert.True(await rig.Connector.DeliverAsync(HttpPrinterRig.PrinterId, payload));
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(5));

        Assert.Single(rig.Machine.Uploads);
        Assert.Single(rig.Machine.PrintsStarted);
        Assert.Equal(SimulatedPrintState.Complete, rig.Machine.Snapshot().State);
        Assert.All(rig.Sink.OfType<CommandAcknowledgedReport>(), ack => Assert.True(ack.Accepted));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_start_while_another_print_runs_is_refused_as_busy_without_touching_that_print(PrinterKind kind)
    {
        await using var rig = await HttpPrinterRig.StartAsync(kind);
        rig.Machine.Upload("benchy.gcode", new byte[5000]);
        rig.Machine.Start("benchy.gcode");

        var (_, commandId, delivered) = await rig.StartJobAsync();

        Assert.True(delivered);
        var ack = rig.AckOf(commandId);
        Assert.False(ack.Accepted);
        Assert.Equal("printer-busy", ack.Reason);
        Assert.Equal(["benchy.gcode"], rig.Machine.PrintsStarted);
    }

    [Theory]
    [MemberData(nameof(KindsWithAHostInFront))]
    public async Task A_printer_whose_firmware_is_not_connected_refuses_the_job_and_is_reported_offline(PrinterKind kind)
    {
        await using var rig = await HttpPrinterRig.StartAsync(kind);
        rig.Machine.Disconnect();

        var (_, commandId, delivered) = await rig.StartJobAsync();
        var afterTheCommand = rig.Machine.Snapshot().Operational;
        await rig.PollAsync();
        await rig.PollAsync();

        Assert.True(delivered);
        Assert.Equal("firmware-offline", rig.AckOf(commandId).Reason);
        Assert.Empty(rig.Machine.Uploads);
        // The command only looked; the poll found OctoPrint up with its link closed and asked it to connect, and the
        // poll after saw it connected (Moonraker's Klippy reconnects by itself).
        Assert.False(afterTheCommand);
        Assert.Equal(kind == PrinterKind.OctoPrint ? ReportedActivity.Idle : ReportedActivity.Offline, rig.Sink.LastState.Activity);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_wrong_api_key_is_refused_by_the_printer_and_shows_as_a_printer_error(PrinterKind kind)
    {
        await using var rig = await HttpPrinterRig.StartAsync(kind, apiKeyUsedByShop: "not-the-key");

        await rig.PollAsync();
        var (_, commandId, delivered) = await rig.StartJobAsync();

        Assert.Equal(ReportedActivity.Error, rig.Sink.LastState.Activity);
        Assert.True(delivered);
        Assert.Equal("printer-error", rig.AckOf(commandId).Reason);
        Assert.Empty(rig.Machine.Uploads);
        Assert.Equal(0, rig.Shop.Downloads);
    }

    [Theory]
    [MemberData(nameof(KindsWithAHostInFront))]
    public async Task An_emergency_stop_faults_the_printer_and_fails_the_job(PrinterKind kind)
    {
        await using var rig = await HttpPrinterRig.StartAsync(kind);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(5));

        Assert.True(await rig.SendAsync(PrinterCommandKind.EmergencyStop, jobId));
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(SimulatedPrintState.Error, rig.Machine.Snapshot().State);
        Assert.Equal(ReportedActivity.Error, rig.Sink.LastState.Activity);
        Assert.Single(rig.JobEvents(jobId), e => e.Kind == JobReportKind.Failed);
        Assert.Equal(JobOutcomeKind.Failed, rig.Sink.LastState.LastJob!.Outcome);
    }
}
