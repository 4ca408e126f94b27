using System.Security.Cryptography;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.Printers.Http;
using MakerShop.Printers.Reports;
using MakerShop.Printers.Tests.Support;
using MakerShop.VirtualHttpPrinters.PrusaLink;
using MakerShop.VirtualHttpPrinters.Simulation;

namespace MakerShop.Printers.Tests.PrusaLink;

/// <summary>
/// The shop's PrusaLink driver against the fake Buddy printer over real HTTP: the key header, the Digest fallback with
/// nonces that expire in seconds (on the fake clock), the 409 of an upload while printing, and the reboot that forgets a print.
/// </summary>
public sealed class PrusaLinkDriverTests
{
    private static readonly FakePrusaLinkOptions DigestOnly = new() { AcceptsApiKey = false };

    [Fact]
    public async Task A_printer_that_accepts_the_key_header_is_read_without_a_single_digest_challenge()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.PrusaLink);

        await rig.PollAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ReportedActivity.Idle, rig.Sink.LastState.Activity);
        Assert.Equal("PrusaLink / firmware 6.1.3+8328", rig.Sink.LastState.Firmware);
        Assert.Contains(rig.Sink.LastState.Heaters, h => h.Name == "bed");
        Assert.Equal(0, Server(rig).DigestChallenges);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_digest_too_and_the_printer_shows_the_key_refused_and_gets_no_job()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.PrusaLink, apiKeyUsedByShop: "not-the-password");

        await rig.PollAsync();
        var (_, commandId, delivered) = await rig.StartJobAsync();

        var state = rig.Sink.OfType<PrinterStateReport>()[0];
        Assert.Equal((ReportedActivity.Error, PrinterErrorReasons.PrusaLinkPasswordRefused), (state.Activity, state.Reason));
        Assert.True(Server(rig).RefusedKeys >= 1);
        Assert.True(delivered);
        Assert.Equal("printer-error", rig.AckOf(commandId).Reason);
        Assert.Empty(rig.Machine.Uploads);
        Assert.Equal(0, rig.Shop.Downloads);
    }

    [Fact]
    public async Task A_printer_that_takes_only_digest_gets_the_same_secret_as_digest_and_prints_the_job()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.PrusaLink, prusaLink: DigestOnly);

        var (jobId, commandId, delivered) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(2));

        Assert.True(delivered);
        Assert.True(rig.AckOf(commandId).Accepted, rig.AckOf(commandId).Reason);
        Assert.Equal(rig.Shop.Content(jobId), rig.Machine.FileContent(rig.FileOf(jobId)));
        Assert.Equal([rig.FileOf(jobId)], rig.Machine.PrintsStarted);
        Assert.Equal((ReportedActivity.Working, jobId), (rig.Sink.LastState.Activity, rig.Sink.LastState.JobId));
        Assert.True(Server(rig).DigestChallenges >= 1);
    }

    [Fact]
    public async Task A_nonce_that_expired_between_polls_gets_a_stale_challenge_and_the_poll_still_reads_the_printer()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.PrusaLink, prusaLink: DigestOnly);
        await rig.PollAsync();
        var challengesAfterFirstPoll = Server(rig).DigestChallenges;

        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(2));
        var challengesWhileFresh = Server(rig).DigestChallenges;
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(10));

        // The remembered nonce saves the round trip while it lives; once old, Buddy says stale and the fresh one works.
        Assert.Equal(challengesAfterFirstPoll, challengesWhileFresh);
        Assert.True(Server(rig).StaleNonces >= 1);
        Assert.Equal(ReportedActivity.Idle, rig.Sink.LastState.Activity);
        Assert.DoesNotContain(rig.Sink.OfType<PrinterStateReport>(), s => s.Activity is ReportedActivity.Error or ReportedActivity.Offline);
    }

    [Fact]
    public async Task An_upload_sent_on_an_expired_nonce_is_sent_again_whole_after_the_stale_challenge()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.PrusaLink, prusaLink: DigestOnly);
        var first = await UploadAsync(rig, "job_first.gcode", RandomNumberGenerator.GetBytes(2_000));
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        var staleBefore = Server(rig).StaleNonces;
        var content = RandomNumberGenerator.GetBytes(20_000);

        var second = await UploadAsync(rig, "job_second.gcode", content);

        Assert.Equal((HttpCallOutcome.Done, HttpCallOutcome.Done), (first.Outcome, second.Outcome));
        Assert.Equal(staleBefore + 1, Server(rig).StaleNonces);
        Assert.Equal(content, rig.Machine.FileContent("job_second.gcode"));
        Assert.Equal(["job_first.gcode", "job_second.gcode"], rig.Machine.PrintsStarted);
    }

    private static async Task<HttpCallResult> UploadAsync(HttpPrinterRig rig, string name, byte[] content)
    {
        await using var stream = new MemoryStream(content);
        return await rig.Protocol.UploadAndPrintAsync(rig.Endpoint, name, stream, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    [Fact]
    public async Task An_upload_while_printing_is_a_conflict_and_nothing_is_stored()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.PrusaLink);
        var (jobId, _, _) = await rig.StartJobAsync();
        await using var stream = new MemoryStream("G28\n"u8.ToArray());

        var result = await rig.Protocol.UploadAndPrintAsync(rig.Endpoint, "job_other.gcode", stream, "");

        Assert.Equal(HttpCallOutcome.Conflict, result.Outcome);
        Assert.StartsWith("409", result.Detail, StringComparison.Ordinal);
        Assert.Null(rig.Machine.FileContent("job_other.gcode"));
        Assert.Equal([rig.FileOf(jobId)], rig.Machine.PrintsStarted);
    }

    [Fact]
    public async Task Pause_resume_and_stop_are_addressed_to_the_printers_current_job_id()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.PrusaLink);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(5));

        var paused = await rig.Protocol.PauseAsync(rig.Endpoint);
        var pausedAgain = await rig.Protocol.PauseAsync(rig.Endpoint);
        var stateWhilePaused = rig.Machine.Snapshot().State;
        var resumed = await rig.Protocol.ResumeAsync(rig.Endpoint);
        var stopped = await rig.Protocol.CancelAsync(rig.Endpoint);
        var stoppedAgain = await rig.Protocol.CancelAsync(rig.Endpoint);
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpCallOutcome.Done, paused.Outcome);
        Assert.Equal(HttpCallOutcome.Conflict, pausedAgain.Outcome);
        Assert.Equal(SimulatedPrintState.Paused, stateWhilePaused);
        Assert.Equal(HttpCallOutcome.Done, resumed.Outcome);
        Assert.Equal(HttpCallOutcome.Done, stopped.Outcome);
        Assert.Equal(HttpCallOutcome.Conflict, stoppedAgain.Outcome);
        Assert.Single(rig.JobEvents(jobId), e => e.Kind == JobReportKind.Cancelled);
        Assert.Equal(JobOutcomeKind.Cancelled, rig.Sink.LastState.LastJob!.Outcome);
    }

    [Fact]
    public async Task A_printer_that_reboots_mid_print_fails_the_job_with_an_unknown_ending_and_the_shops_digest_survives_the_new_nonces()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.PrusaLink, prusaLink: DigestOnly);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(10));

        await rig.Server.StopAsync();
        Server(rig).Reboot();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(3));
        await rig.Server.StartAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(1));

        var ended = Assert.Single(rig.JobEvents(jobId), e => e.Kind is JobReportKind.Failed or JobReportKind.Cancelled or JobReportKind.Completed);
        Assert.Equal((JobReportKind.Failed, HttpPrinterReportTranslator.ForgottenReason), (ended.Kind, ended.Reason));
        Assert.Equal(ReportedActivity.Idle, rig.Sink.LastState.Activity);
        Assert.Equal(JobOutcomeKind.Failed, rig.Sink.LastState.LastJob!.Outcome);
        Assert.NotNull(rig.Machine.FileContent(rig.FileOf(jobId)));
    }

    [Fact]
    public async Task A_finished_print_stays_shown_as_finished_and_is_reported_completed_once()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.PrusaLink);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(5));

        await rig.AdvanceAndPollAsync(TimeSpan.FromMinutes(15));
        var state = FakePrusaLinkServer.StateOf(rig.Machine.Snapshot());
        await rig.AdvanceAndPollAsync(TimeSpan.FromMinutes(1));

        Assert.Equal("FINISHED", state);
        Assert.Single(rig.JobEvents(jobId), e => e.Kind == JobReportKind.Completed);
        Assert.Equal((ReportedActivity.Idle, JobOutcomeKind.Completed), (rig.Sink.LastState.Activity, rig.Sink.LastState.LastJob!.Outcome));
    }

    [Fact]
    public async Task A_start_whose_upload_is_cut_half_way_is_refused_as_interrupted_and_the_next_start_uploads_the_job_whole()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.PrusaLink);
        var jobId = $"job_{Guid.NewGuid():N}";
        var start = rig.Shop.AddJob(jobId, lines: 4000);
        Server(rig).CutNextUpload();

        var cut = await rig.Connector.DeliverAsync(HttpPrinterRig.PrinterId, HttpPrinterRig.Command(PrinterCommandKind.Start, jobId, start, "cmd_cut"));
        var afterTheCut = (rig.Machine.FileContent(rig.FileOf(jobId)), rig.Machine.PrintsStarted.Count);
        var whole = await rig.Connector.DeliverAsync(HttpPrinterRig.PrinterId, HttpPrinterRig.Command(PrinterCommandKind.Start, jobId, start, "cmd_again"));

        Assert.True(cut);
        Assert.Equal((false, HttpPrinterConnector.UploadInterrupted), (rig.AckOf("cmd_cut").Accepted, rig.AckOf("cmd_cut").Reason));
        Assert.Equal(((byte[]?)null, 0), afterTheCut);
        Assert.Equal(1, Server(rig).CutUploads);
        Assert.True(whole);
        Assert.True(rig.AckOf("cmd_again").Accepted, rig.AckOf("cmd_again").Reason);
        Assert.Equal(rig.Shop.Content(jobId), rig.Machine.FileContent(rig.FileOf(jobId)));
        Assert.Equal([rig.FileOf(jobId)], rig.Machine.PrintsStarted);
    }

    private static FakePrusaLinkServer Server(HttpPrinterRig rig) => (FakePrusaLinkServer)rig.Server;
}
