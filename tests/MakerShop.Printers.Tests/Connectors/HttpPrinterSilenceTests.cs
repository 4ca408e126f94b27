using MakerShop.Core;
using MakerShop.Printers.Reports;
using MakerShop.Printers.Tests.Support;

namespace MakerShop.Printers.Tests.Connectors;

/// <summary>Printers that stop answering: timeouts, a vanished server, and what the shop concludes (and does not).</summary>
public sealed class HttpPrinterSilenceTests
{
    public static TheoryData<PrinterKind> Kinds => new() { PrinterKind.OctoPrint, PrinterKind.Moonraker, PrinterKind.PrusaLink };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_printer_that_does_not_answer_in_time_is_not_sent_the_job_and_goes_offline_only_after_the_silence_limit(PrinterKind kind)
    {
        // Long enough for a cold first request on a busy CI machine, short enough to keep the test in seconds.
        await using var rig = await HttpPrinterRig.StartAsync(kind, requestTimeout: TimeSpan.FromSeconds(1), statusRetries: 0);
        await rig.PollAsync();
        Assert.Equal(ReportedActivity.Idle, rig.Sink.LastState.Activity);
        rig.Server.Hang = true;

        var (_, _, delivered) = await rig.StartJobAsync();
        Assert.False(delivered);
        Assert.Empty(rig.Sink.OfType<CommandAcknowledgedReport>());

        rig.Sink.Clear();
        await rig.AdvanceAndPollAsync(HttpPrinterRig.OfflineAfter / 2);
        Assert.Empty(rig.Sink.Reports);
        await rig.AdvanceAndPollAsync(HttpPrinterRig.OfflineAfter / 2);
        Assert.Equal(ReportedActivity.Offline, Assert.Single(rig.Sink.OfType<PrinterStateReport>()).Activity);
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(5));
        Assert.Single(rig.Sink.Reports);

        rig.Server.Hang = false;
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(ReportedActivity.Idle, rig.Sink.LastState.Activity);
        Assert.Empty(rig.Machine.Uploads);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_printer_that_vanishes_mid_print_keeps_its_job_and_reports_the_end_when_it_is_back(PrinterKind kind)
    {
        await using var rig = await HttpPrinterRig.StartAsync(kind);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ReportedActivity.Working, rig.Sink.LastState.Activity);

        await rig.Server.StopAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ReportedActivity.Working, rig.Sink.LastState.Activity);
        await rig.AdvanceAndPollAsync(HttpPrinterRig.OfflineAfter);
        Assert.Equal(ReportedActivity.Offline, rig.Sink.LastState.Activity);

        // The machine prints on while the network is gone; nothing says the job failed.
        await rig.AdvanceAndPollAsync(TimeSpan.FromMinutes(10));
        Assert.DoesNotContain(rig.JobEvents(jobId), e => e.Kind is JobReportKind.Failed or JobReportKind.Cancelled or JobReportKind.Completed);

        await rig.Server.StartAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(1));

        Assert.Single(rig.JobEvents(jobId), e => e.Kind == JobReportKind.Completed);
        Assert.Equal(ReportedActivity.Idle, rig.Sink.LastState.Activity);
        Assert.Equal(jobId, rig.Sink.LastState.LastJob!.JobId);
        Assert.DoesNotContain(rig.JobEvents(jobId), e => e.Kind is JobReportKind.Failed or JobReportKind.Cancelled);
    }
}
