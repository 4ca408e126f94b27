using System.Text;
using MakerShop.Printers.Bambu;
using MakerShop.Printers.Http;
using MakerShop.Printers.Reports;
using MakerShop.Printers.Tests.Support;
using MakerShop.Printers.Tests.Support.Bambu;
using MakerShop.VirtualHttpPrinters.Bambu;

namespace MakerShop.Printers.Tests.Bambu;

/// <summary>The shop's Bambu Lab protocol against the fake printer over real TLS MQTT.</summary>
public sealed class BambuLanProtocolTests
{
    private static readonly byte[] Gcode = Encoding.ASCII.GetBytes("G28\nG1 X10 Y10 F3000\nM400\n");

    [Fact]
    public async Task A_job_is_packaged_uploaded_started_and_reported_finished_from_partial_reports()
    {
        await using var rig = await BambuRig.StartAsync();
        await rig.ObserveUntilAsync(o => o.Link == ObservedLink.Answered && o.Machine == ObservedMachine.Ready, "the printer reports IDLE");

        var started = await rig.Protocol.UploadAndPrintAsync(rig.Endpoint, "job_one.gcode", new MemoryStream(Gcode), "unused");

        Assert.Equal(HttpCallOutcome.Done, started.Outcome);
        Assert.Equal(["job_one.gcode.3mf"], rig.Printer.PrintsStarted);
        rig.PrinterClock.Advance(TimeSpan.FromSeconds(1));
        var printing = await rig.ObserveUntilAsync(o => o.Machine == ObservedMachine.Printing && !o.Settling, "the print runs");
        Assert.Equal("job_one", printing.JobId);

        rig.PrinterClock.Advance(TimeSpan.FromMinutes(5));
        var halfway = await rig.ObserveUntilAsync(o => o.Progress >= 0.5, "the printer reports half done");
        Assert.InRange(halfway.EtaSeconds!.Value, 1, 5 * 60);
        Assert.Contains(halfway.Heaters, h => h.Name == "bed" && h.Target == 60);

        rig.PrinterClock.Advance(TimeSpan.FromMinutes(6));
        var finished = await rig.ObserveUntilAsync(o => o.JobEnd == ObservedJobEnd.Completed, "the printer reports FINISH");
        Assert.Equal("job_one", finished.JobId);
    }

    [Fact]
    public async Task Pause_resume_and_stop_reach_the_printer_and_a_stopped_print_reads_as_cancelled()
    {
        await using var rig = await BambuRig.StartAsync();
        await rig.ObserveUntilAsync(o => o.Machine == ObservedMachine.Ready, "the printer reports IDLE");
        Assert.Equal(HttpCallOutcome.Done, (await rig.Protocol.UploadAndPrintAsync(rig.Endpoint, "job_two.gcode", new MemoryStream(Gcode), "")).Outcome);
        rig.PrinterClock.Advance(TimeSpan.FromSeconds(1));
        await rig.ObserveUntilAsync(o => o.Machine == ObservedMachine.Printing && !o.Settling, "the print runs");

        Assert.Equal(HttpCallOutcome.Done, (await rig.Protocol.PauseAsync(rig.Endpoint)).Outcome);
        await rig.ObserveUntilAsync(o => o.Machine == ObservedMachine.Paused, "the print is paused");
        Assert.Equal(HttpCallOutcome.Done, (await rig.Protocol.ResumeAsync(rig.Endpoint)).Outcome);
        await rig.ObserveUntilAsync(o => o.Machine == ObservedMachine.Printing, "the print runs again");
        Assert.Equal(HttpCallOutcome.Done, (await rig.Protocol.CancelAsync(rig.Endpoint)).Outcome);

        var stopped = await rig.ObserveUntilAsync(o => o.JobEnd != ObservedJobEnd.None, "the print ended");
        Assert.Equal((ObservedJobEnd.Cancelled, "job_two"), (stopped.JobEnd, stopped.JobId));
    }

    [Fact]
    public async Task A_file_that_is_not_in_the_printers_storage_is_refused_with_the_printers_reason()
    {
        await using var rig = await BambuRig.StartAsync();
        await rig.ObserveUntilAsync(o => o.Machine == ObservedMachine.Ready, "the printer reports IDLE");
        var session = rig.Sessions.For(rig.Endpoint);
        var sequenceId = session.NextSequenceId();
        var reply = session.ReplyTo(sequenceId);

        Assert.True(await session.PublishAsync(BambuCommands.ProjectFile(sequenceId, new BambuJobPackage("missing.3mf", "Metadata/plate_1.gcode", ""), rig.Printer.Serial, "job_missing.gcode", 7)));

        var answer = await reply.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(("failed", "file not found"), ((string?)answer["result"], (string?)answer["reason"]));
        Assert.Empty(rig.Printer.PrintsStarted);
    }

    [Fact]
    public async Task A_wrong_access_code_is_reported_as_refused_and_not_tried_again()
    {
        await using var rig = await BambuRig.StartAsync();
        rig.Endpoint = rig.EndpointFor("00000000", rig.Printer.CertificateSha256);

        var seen = await rig.ObserveUntilAsync(o => o.Link == ObservedLink.Unauthorized, "the access code is refused");

        Assert.Equal(PrinterErrorReasons.BambuAccessCodeRefused, seen.Reason);
        rig.SessionClock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(BambuLinkState.AccessCodeRefused, rig.Sessions.Find("bambu-test")!.Link);
        Assert.Equal(0, rig.Sessions.Find("bambu-test")!.Connections);

        // The corrected code is a new link, tried at once.
        rig.Endpoint = rig.EndpointFor(rig.Printer.AccessCode, rig.Printer.CertificateSha256);
        await rig.ObserveUntilAsync(o => o.Link == ObservedLink.Answered, "the corrected access code is taken");
    }

    [Fact]
    public async Task A_printer_presenting_another_certificate_than_the_pinned_one_is_refused_with_words()
    {
        await using var rig = await BambuRig.StartAsync();
        await rig.ObserveUntilAsync(o => o.Link == ObservedLink.Answered, "the pinned certificate is accepted");

        await rig.Printer.ReplaceCertificateAsync();

        var seen = await rig.ObserveUntilAsync(o => o.Link == ObservedLink.Unauthorized, "the new certificate is refused");
        Assert.Equal(PrinterErrorReasons.BambuCertificateChanged, seen.Reason);
        var refused = await rig.Protocol.UploadAndPrintAsync(rig.Endpoint, "job_three.gcode", new MemoryStream(Gcode), "");
        Assert.Equal(HttpCallOutcome.Unauthorized, refused.Outcome);
        Assert.Empty(rig.Printer.PrintsStarted);
    }

    [Fact]
    public async Task A_dropped_connection_is_made_again_and_the_full_state_asked_for_once_more()
    {
        await using var rig = await BambuRig.StartAsync();
        await rig.ObserveUntilAsync(o => o.Machine == ObservedMachine.Ready, "the printer reports IDLE");
        var session = rig.Sessions.Find("bambu-test")!;
        Assert.Equal(1, session.Connections);

        await rig.Printer.DropClientsAsync();
        rig.PrinterClock.Advance(TimeSpan.FromSeconds(5));

        await rig.ObserveUntilAsync(o => session.Connections == 2 && o.Machine == ObservedMachine.Ready, "the session reconnects and has a full report");
        Assert.Equal(2, rig.Printer.PushAllsAnswered);
    }

    [Fact]
    public async Task A_silent_printer_is_asked_to_push_again_after_the_watchdogs_minute()
    {
        await using var rig = await BambuRig.StartAsync();
        await rig.ObserveUntilAsync(o => o.Machine == ObservedMachine.Ready, "the printer reports IDLE");
        rig.PrinterClock.Advance(TimeSpan.FromSeconds(5));

        await rig.ObserveUntilAsync(_ => rig.Printer.PushAllsAnswered == 2, "the watchdog's pushall is answered");
        Assert.Equal(1, rig.Sessions.Find("bambu-test")!.Connections);
    }

    [Fact]
    public async Task A_restart_mid_print_comes_back_idle_with_the_print_gone()
    {
        await using var rig = await BambuRig.StartAsync();
        await rig.ObserveUntilAsync(o => o.Machine == ObservedMachine.Ready, "the printer reports IDLE");
        await rig.Protocol.UploadAndPrintAsync(rig.Endpoint, "job_four.gcode", new MemoryStream(Gcode), "");
        await rig.ObserveUntilAsync(o => o.JobId == "job_four" && o.IsActive, "the print runs");

        await rig.Printer.RestartAsync();

        var after = await rig.ObserveUntilAsync(o => o.Link == ObservedLink.Answered && !o.IsActive, "the printer is back");
        Assert.Equal((ObservedMachine.Ready, (string?)null), (after.Machine, after.JobId));
    }

    [Fact]
    public async Task X1_firmware_without_Developer_Mode_is_seen_refusing_control_from_its_fun_bit()
    {
        await using var rig = await BambuRig.StartAsync(o => { o.FullReports = true; o.DeveloperMode = false; o.Refusal = FakeBambuRefusal.Reply; });

        var seen = await rig.ObserveUntilAsync(o => o.Link == ObservedLink.Answered, "the printer reports");
        Assert.Equal((ObservedMachine.Error, PrinterErrorReasons.BambuDeveloperModeOff), (seen.Machine, seen.Reason));

        rig.Printer.DeveloperMode = true;
        await rig.ObserveUntilAsync(o => o.Machine == ObservedMachine.Ready, "Developer Mode switched on is seen");
    }

    [Theory]
    [InlineData(FakeBambuRefusal.Reply)]
    [InlineData(FakeBambuRefusal.Hms)]
    [InlineData(FakeBambuRefusal.Silent)]
    public async Task P1_firmware_without_Developer_Mode_refuses_the_start_which_is_reported_not_waited_on(FakeBambuRefusal refusal)
    {
        await using var rig = await BambuRig.StartAsync(o => { o.DeveloperMode = false; o.Refusal = refusal; });
        await rig.ObserveUntilAsync(o => o.Machine == ObservedMachine.Ready, "the printer reports IDLE (P1 sends no fun)");

        var start = rig.Protocol.UploadAndPrintAsync(rig.Endpoint, "job_five.gcode", new MemoryStream(Gcode), "");
        if (refusal == FakeBambuRefusal.Silent)
        {
            await Await.UntilAsync(() => rig.Printer.RefusedCommands == 1, "the printer drops the command");
            await Await.UntilAsync(() => { rig.SessionClock.Advance(TimeSpan.FromSeconds(5)); return start.IsCompleted; }, "the start gives up");
        }

        var result = await start.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(HttpCallOutcome.Rejected, result.Outcome);
        Assert.Contains(PrinterErrorReasons.BambuDeveloperModeOff, result.Detail, StringComparison.Ordinal);
        Assert.Contains("Developer Mode on", result.Detail, StringComparison.Ordinal);
        Assert.Equal("IDLE", rig.Printer.GcodeState);
        var seen = await rig.Protocol.ObserveAsync(rig.Endpoint);
        Assert.Equal((ObservedMachine.Error, PrinterErrorReasons.BambuDeveloperModeOff), (seen.Machine, seen.Reason));
    }
}
