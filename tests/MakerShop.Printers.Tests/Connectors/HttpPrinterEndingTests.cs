using System.Text;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.Printers.Http;
using MakerShop.Printers.Reports;
using MakerShop.Printers.Tests.Support;
using MakerShop.VirtualHttpPrinters.Simulation;

namespace MakerShop.Printers.Tests.Connectors;

/// <summary>
/// How an OctoPrint and a Moonraker printer's endings reach the shop through the real clients: a restart that forgets
/// the print is an unknown ending, a print started at the printer is work but no shop job, "bed is clear" is accepted
/// without a job, and the shop's file of an ended job is deleted once the next job has started on that printer.
/// </summary>
public sealed class HttpPrinterEndingTests
{
    public static TheoryData<PrinterKind> Kinds => new() { PrinterKind.OctoPrint, PrinterKind.Moonraker, PrinterKind.PrusaLink };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_server_or_firmware_restart_mid_print_fails_the_job_with_an_unknown_ending_not_a_cancel_at_the_printer(PrinterKind kind)
    {
        await using var rig = await HttpPrinterRig.StartAsync(kind);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(10));

        rig.Machine.Restart();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(2));

        var ended = Assert.Single(rig.JobEvents(jobId), e => e.Kind is JobReportKind.Failed or JobReportKind.Cancelled or JobReportKind.Completed);
        // Moonraker's driver knows the file it was printing and names Klipper's restart; OctoPrint just forgets the print.
        var reason = kind == PrinterKind.Moonraker ? MakerShop.Printers.Moonraker.MoonrakerDroppedPrints.Reason : HttpPrinterReportTranslator.ForgottenReason;
        Assert.Equal((JobReportKind.Failed, reason), (ended.Kind, ended.Reason));
        Assert.Equal(ReportedActivity.Idle, rig.Sink.LastState.Activity);
        Assert.Equal(JobOutcomeKind.Failed, rig.Sink.LastState.LastJob!.Outcome);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_print_started_at_the_printer_is_reported_as_work_without_a_shop_job_and_its_end_as_no_job_event(PrinterKind kind)
    {
        await using var rig = await HttpPrinterRig.StartAsync(kind);
        rig.Machine.Upload("benchy.gcode", new byte[2000]);
        rig.Machine.Start("benchy.gcode");

        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(1));
        Assert.Equal((ReportedActivity.Working, (string?)null), (rig.Sink.LastState.Activity, rig.Sink.LastState.JobId));

        await rig.AdvanceAndPollAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(ReportedActivity.Idle, rig.Sink.LastState.Activity);
        Assert.Empty(rig.Sink.OfType<JobReport>());
        Assert.NotNull(rig.Machine.FileContent("benchy.gcode"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Bed_is_clear_without_a_job_id_is_accepted(PrinterKind kind)
    {
        await using var rig = await HttpPrinterRig.StartAsync(kind);
        var command = Encoding.UTF8.GetString(ContractJson.Serialize(new PrinterCommandPayload("cmd_bed", PrinterCommandKind.BedCleared, null, null, DateTimeOffset.UnixEpoch)));

        Assert.True(await rig.Connector.DeliverAsync(HttpPrinterRig.PrinterId, command));

        var ack = rig.AckOf("cmd_bed");
        Assert.True(ack.Accepted, ack.Reason);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_shops_file_stays_after_its_completed_job_is_reported_and_is_deleted_once_the_next_job_started(PrinterKind kind)
    {
        await using var rig = await HttpPrinterRig.StartAsync(kind);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(rig.Machine.FileContent(rig.FileOf(jobId)));

        await rig.AdvanceAndPollAsync(TimeSpan.FromMinutes(15));
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(2));

        // The file is what makes a re-sent start for the job safe, so it outlives the recorded end.
        Assert.Single(rig.JobEvents(jobId), e => e.Kind == JobReportKind.Completed);
        Assert.NotNull(rig.Machine.FileContent(rig.FileOf(jobId)));

        var (nextId, nextCommand, _) = await rig.StartJobAsync();

        Assert.True(rig.AckOf(nextCommand).Accepted);
        Assert.Null(rig.Machine.FileContent(rig.FileOf(jobId)));
        Assert.NotNull(rig.Machine.FileContent(rig.FileOf(nextId)));
        Assert.Single(rig.JobEvents(jobId), e => e.Kind == JobReportKind.Completed);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_shops_file_of_a_job_cancelled_at_the_printer_is_deleted_once_the_next_job_started(PrinterKind kind)
    {
        await using var rig = await HttpPrinterRig.StartAsync(kind);
        var (jobId, _, _) = await rig.StartJobAsync();
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SimulatedCommandResult.Done, rig.Machine.Cancel());
        await rig.AdvanceAndPollAsync(TimeSpan.FromSeconds(2));
        Assert.Single(rig.JobEvents(jobId), e => e.Kind == JobReportKind.Cancelled);
        Assert.NotNull(rig.Machine.FileContent(rig.FileOf(jobId)));

        var (_, nextCommand, _) = await rig.StartJobAsync();

        Assert.True(rig.AckOf(nextCommand).Accepted);
        Assert.Null(rig.Machine.FileContent(rig.FileOf(jobId)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_file_the_printer_would_not_let_go_of_at_one_start_is_deleted_at_the_next(PrinterKind kind)
    {
        await using var rig = await HttpPrinterRig.StartAsync(kind);
        var failing = new DeleteRefusingProtocol(rig.Protocol) { RefuseDeletes = true };
        var connector = rig.ConnectorWith(failing);
        var (first, _, _) = await rig.StartJobAsync(through: connector);
        await rig.AdvanceAndPollAsync(TimeSpan.FromMinutes(15));

        var (second, secondCommand, _) = await rig.StartJobAsync(through: connector);
        Assert.True(rig.AckOf(secondCommand).Accepted);
        Assert.Equal(1, failing.RefusedDeletes);
        Assert.NotNull(rig.Machine.FileContent(rig.FileOf(first)));
        await rig.AdvanceAndPollAsync(TimeSpan.FromMinutes(15));

        failing.RefuseDeletes = false;
        var (third, thirdCommand, _) = await rig.StartJobAsync(through: connector);

        Assert.True(rig.AckOf(thirdCommand).Accepted);
        Assert.Null(rig.Machine.FileContent(rig.FileOf(first)));
        Assert.Null(rig.Machine.FileContent(rig.FileOf(second)));
        Assert.NotNull(rig.Machine.FileContent(rig.FileOf(third)));
    }
}
