using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.Printers.OctoPrint;
using MakerShop.Printers.Reports;
using MakerShop.Printers.Tests.Support;
using MakerShop.VirtualHttpPrinters.OctoPrint;
using MakerShop.VirtualHttpPrinters.Simulation;

namespace MakerShop.Printers.Tests.OctoPrint;

/// <summary>
/// The shop's OctoPrint driver against the fake that behaves as OctoPrint does: transitional states, a closed serial
/// link that loses the print, "Offline after error" after an emergency stop, and an OctoPrint left Offline.
/// </summary>
public sealed class OctoPrintDriverTests
{
    [Fact]
    public async Task Starting_cancelling_and_finishing_are_reported_as_working_and_no_job_starts_while_they_last()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);
        var (first, _, _) = await rig.StartJobAsync();

        await rig.PollAsync();
        var starting = (Host(rig).View().Text, rig.Sink.LastState.Activity);
        var (_, refusedWhileStarting, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(10));
        Assert.True(await rig.SendAsync(PrinterCommandKind.Cancel, first));
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(1));
        var cancelling = (Host(rig).View().Text, rig.Sink.LastState.Activity);
        var (_, refusedWhileCancelling, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(5));
        var (second, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(rig.Machine.Snapshot().TimeLeft!.Value + TimeSpan.FromSeconds(0.5));
        var finishing = (Host(rig).View().Text, rig.Sink.LastState.Activity);
        var (_, refusedWhileFinishing, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(3));

        Assert.Equal(("Starting", ReportedActivity.Working), starting);
        Assert.Equal(("Cancelling", ReportedActivity.Working), cancelling);
        Assert.Equal(("Finishing", ReportedActivity.Working), finishing);
        Assert.All([refusedWhileStarting, refusedWhileCancelling, refusedWhileFinishing], id => Assert.Equal("printer-busy", rig.AckOf(id).Reason));
        Assert.Single(rig.JobEvents(first), e => e.Kind == JobReportKind.Cancelled);
        Assert.Single(rig.JobEvents(second), e => e.Kind == JobReportKind.Completed);
        Assert.Equal(2, rig.Machine.PrintsStarted.Count);
    }

    [Fact]
    public async Task A_resume_sent_while_OctoPrint_is_still_pausing_waits_until_the_pause_has_settled()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(10));
        Assert.True(await rig.SendAsync(PrinterCommandKind.Pause, jobId));

        var resumeWhilePausing = await rig.SendAsync(PrinterCommandKind.Resume, jobId);
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(5));
        var resumeOncePaused = await rig.SendAsync(PrinterCommandKind.Resume, jobId);
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(5));

        Assert.False(resumeWhilePausing, "a resume OctoPrint would ignore must not be acknowledged");
        Assert.True(resumeOncePaused);
        Assert.Equal(SimulatedPrintState.Printing, rig.Machine.Snapshot().State);
        Assert.Equal(ReportedActivity.Working, rig.Sink.LastState.Activity);
        Assert.All(rig.Sink.OfType<CommandAcknowledgedReport>(), ack => Assert.True(ack.Accepted, ack.Reason));
    }

    [Fact]
    public async Task A_print_lost_to_a_closed_serial_link_is_reported_failed_and_the_printer_comes_back_empty()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(10));

        ((FakeOctoPrintServer)rig.Server).DropSerialLink();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(2));
        var whileClosed = rig.Sink.LastState.Activity;
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(ReportedActivity.Offline, whileClosed);
        var failed = Assert.Single(rig.JobEvents(jobId), e => e.Kind == JobReportKind.Failed);
        Assert.Equal(OctoPrintProtocol.LinkClosedReason, failed.Reason);
        Assert.DoesNotContain(rig.JobEvents(jobId), e => e.Kind is JobReportKind.Completed or JobReportKind.Cancelled);
        Assert.Null(rig.Sink.LastState.JobId);
        Assert.Single(rig.Machine.PrintsStarted);
    }

    [Fact]
    public async Task An_OctoPrint_that_is_up_with_its_printer_link_closed_is_asked_to_connect()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);
        // A restarted OctoPrint with autoconnect off: up, answering, and "Offline" until someone connects it.
        Host(rig).Disconnect();

        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(2));
        var first = rig.Sink.LastState.Activity;
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(ReportedActivity.Offline, first);
        Assert.True(rig.Machine.Snapshot().Operational);
        Assert.Equal(ReportedActivity.Idle, rig.Sink.LastState.Activity);
    }

    [Fact]
    public async Task After_an_emergency_stop_the_error_and_the_failed_job_are_reported_before_OctoPrint_is_asked_to_reconnect()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(10));

        Assert.True(await rig.SendAsync(PrinterCommandKind.EmergencyStop, jobId));
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(2));
        var firstLook = (rig.Sink.LastState.Activity, rig.Machine.Snapshot().Operational);
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(2));
        var secondLook = rig.Sink.LastState.Activity;
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(2));

        Assert.Equal((ReportedActivity.Error, false), firstLook);
        Assert.Equal(ReportedActivity.Error, secondLook);
        var failed = Assert.Single(rig.JobEvents(jobId), e => e.Kind == JobReportKind.Failed);
        Assert.Equal(OctoPrintHost.EmergencyStopError, failed.Reason);
        Assert.Contains(rig.Sink.OfType<PrinterStateReport>(), s => s.Activity == ReportedActivity.Error && s.LastJob?.Outcome == JobOutcomeKind.Failed);
        Assert.True(rig.Machine.Snapshot().Operational);
        Assert.NotEqual(ReportedActivity.Error, rig.Sink.LastState.Activity);
        Assert.Single(rig.Machine.PrintsStarted);
    }

    [Fact]
    public async Task Commands_after_an_emergency_stop_only_look_and_the_reconnect_still_waits_for_the_second_poll()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(10));

        Assert.True(await rig.SendAsync(PrinterCommandKind.EmergencyStop, jobId));
        Assert.True(await rig.SendAsync(PrinterCommandKind.Cancel, jobId));
        Assert.True(await rig.SendAsync(PrinterCommandKind.Pause, jobId));
        var afterCommands = rig.Machine.Snapshot().Operational;
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(2));
        var firstLook = (rig.Sink.LastState.Activity, rig.Machine.Snapshot().Operational);
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(2));

        Assert.False(afterCommands);
        Assert.Equal((ReportedActivity.Error, false), firstLook);
        Assert.True(rig.Machine.Snapshot().Operational);
        Assert.Single(rig.JobEvents(jobId), e => e.Kind == JobReportKind.Failed);
    }

    [Fact]
    public async Task An_upload_that_OctoPrint_stores_without_selecting_is_not_taken_for_a_started_print()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);
        rig.Machine.Upload("other.gcode", new byte[10_000]);
        Host(rig).Start("other.gcode");

        var result = await rig.Protocol.UploadAndPrintAsync(rig.Endpoint, "job_x.gcode", new MemoryStream(new byte[100]), "");

        Assert.Equal(MakerShop.Printers.Http.HttpCallOutcome.NotDone, result.Outcome);
        Assert.NotNull(rig.Machine.FileContent("job_x.gcode"));
        Assert.Equal(["other.gcode"], rig.Machine.PrintsStarted);
    }

    private static OctoPrintHost Host(HttpPrinterRig rig) => ((FakeOctoPrintServer)rig.Server).Host;
}
