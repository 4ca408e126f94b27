using MakerShop.Contracts.Devices;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.Printers.Http;
using MakerShop.Printers.Moonraker;
using MakerShop.Printers.OctoPrint;
using MakerShop.Printers.Reports;

namespace MakerShop.Printers.Tests.Connectors;

/// <summary>The rules that turn what an HTTP printer shows into the shop's reports, one situation at a time.</summary>
public sealed class HttpPrinterReportTranslatorTests
{
    private const string JobId = "job_0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset At = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static HttpPrinterEndpoint Endpoint(bool autoEject = true) =>
        new("p-1", PrinterKind.OctoPrint, new Uri("http://127.0.0.1:1/"), "key", new DeviceCredentials("p-1", "secret"), autoEject);

    private static HttpPrinterObservation Seen(ObservedMachine machine, string? file = JobId + ".gcode", ObservedJobEnd end = ObservedJobEnd.None, double? progress = 0.5) =>
        new(ObservedLink.Answered, machine, file, progress, 60, end, null, [new HeaterReading("tool0", 200, 210)], "OctoPrint 1.10.3");

    [Fact]
    public void A_completed_job_is_reported_once_and_the_printer_idle_leaving_its_bed_to_the_shops_record()
    {
        var done = Seen(ObservedMachine.Ready, end: ObservedJobEnd.Completed, progress: 1);

        var first = HttpPrinterReportTranslator.Translate(Endpoint(autoEject: false), done, Seen(ObservedMachine.Printing), At);
        var again = HttpPrinterReportTranslator.Translate(Endpoint(autoEject: false), done, done, At);

        // What is on the bed is the shop's record, cleared only by a person: an HTTP printer knows nothing of it.
        Assert.Equal(ReportedActivity.Idle, first.OfType<PrinterStateReport>().Single().Activity);
        Assert.Equal(JobReportKind.Completed, first.OfType<JobReport>().Single().Kind);
        Assert.Equal(ReportedActivity.Idle, again.OfType<PrinterStateReport>().Single().Activity);
        Assert.Empty(again.OfType<JobReport>());
    }

    [Fact]
    public void A_print_that_stops_while_its_file_is_still_shown_is_reported_cancelled_at_the_printer()
    {
        var reports = HttpPrinterReportTranslator.Translate(Endpoint(), Seen(ObservedMachine.Ready, progress: null), Seen(ObservedMachine.Printing), At);

        var cancelled = reports.OfType<JobReport>().Single();
        Assert.Equal((JobReportKind.Cancelled, JobId), (cancelled.Kind, cancelled.JobId));
        Assert.Equal(JobOutcomeKind.Cancelled, reports.OfType<PrinterStateReport>().Single().LastJob!.Outcome);
    }

    [Fact]
    public void A_print_the_printer_forgot_after_a_restart_is_failed_with_an_unknown_ending_not_cancelled_at_the_printer()
    {
        var restarted = Seen(ObservedMachine.Ready, file: null, progress: null);

        var reports = HttpPrinterReportTranslator.Translate(Endpoint(), restarted, Seen(ObservedMachine.Printing), At);

        var failed = reports.OfType<JobReport>().Single();
        Assert.Equal((JobReportKind.Failed, JobId, HttpPrinterReportTranslator.ForgottenReason), (failed.Kind, failed.JobId, failed.Reason));
        Assert.Contains("unknown", failed.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(reports.OfType<JobReport>(), r => r.Kind == JobReportKind.Cancelled);
    }

    [Fact]
    public void A_file_the_shop_did_not_upload_is_work_but_not_a_shop_job()
    {
        var reports = HttpPrinterReportTranslator.Translate(Endpoint(), Seen(ObservedMachine.Printing, file: "benchy.gcode"), null, At);

        var state = Assert.IsType<PrinterStateReport>(Assert.Single(reports));
        Assert.Equal(ReportedActivity.Working, state.Activity);
        Assert.Null(state.JobId);
    }

    [Fact]
    public void A_refused_key_is_a_printer_error_and_a_missing_firmware_link_is_offline()
    {
        var unauthorized = HttpPrinterReportTranslator.Translate(Endpoint(), HttpPrinterObservation.Unauthorized("403"), null, At);
        var disconnected = HttpPrinterReportTranslator.Translate(Endpoint(), Seen(ObservedMachine.Disconnected), Seen(ObservedMachine.Printing), At);

        var refused = Assert.IsType<PrinterStateReport>(Assert.Single(unauthorized));
        Assert.Equal((ReportedActivity.Error, PrinterErrorReasons.ApiKeyRefused), (refused.Activity, refused.Reason));
        Assert.Equal(ReportedActivity.Offline, Assert.IsType<PrinterStateReport>(Assert.Single(disconnected)).Activity);
    }

    [Fact]
    public void OctoPrint_after_a_cancel_shows_the_file_with_empty_progress_which_reads_as_ready_with_no_end()
    {
        var job = new OctoPrintJobState(new OctoPrintJob(new OctoPrintJobFile(JobId + ".gcode", JobId + ".gcode", "local", 100)), new OctoPrintProgress(null, null, null, null), "Operational", null);
        var printer = new OctoPrintPrinterState(new OctoPrintStateBlock("Operational", "", new OctoPrintStateFlags(true, false, false, false, false, false, false, false, true, false)), null);

        var seen = OctoPrintProtocol.Read(job, printer);

        Assert.Equal((ObservedMachine.Ready, ObservedJobEnd.None, (double?)null), (seen.Machine, seen.JobEnd, seen.Progress));
        Assert.Equal(JobId, seen.JobId);
    }

    [Fact]
    public void OctoPrint_completion_is_a_percentage_and_not_operational_with_an_error_state_is_a_fault()
    {
        var printing = OctoPrintProtocol.Read(
            new OctoPrintJobState(new OctoPrintJob(new OctoPrintJobFile(JobId + ".gcode", null, "local", 100)), new OctoPrintProgress(31.15, 11222, 3, 12), "Printing", null),
            new OctoPrintPrinterState(new OctoPrintStateBlock("Printing", "", new OctoPrintStateFlags(true, true, false, false, false, false, false, false, false, false)), null));
        var fault = OctoPrintProtocol.Read(
            new OctoPrintJobState(new OctoPrintJob(new OctoPrintJobFile(JobId + ".gcode", null, "local", 100)), null, "Offline after error", "Thermal runaway"),
            printer: null);

        Assert.Equal(0.3115, printing.Progress!.Value, precision: 6);
        Assert.Equal(ObservedMachine.Printing, printing.Machine);
        Assert.Equal((ObservedMachine.Error, ObservedJobEnd.Failed, "Thermal runaway"), (fault.Machine, fault.JobEnd, fault.Reason));
    }

    [Fact]
    public void Moonraker_in_shutdown_mid_print_is_a_fault_that_fails_the_job()
    {
        var seen = MoonrakerProtocol.Read(new MoonrakerStatus(
            new MoonrakerWebhooks("shutdown", "Shutdown due to M112 command"),
            new MoonrakerPrintStats("makershop/" + JobId + ".gcode", "printing", "", 100, 100),
            new MoonrakerVirtualSdcard(0.4, true, 400, 1000),
            null,
            new MoonrakerHeater(205, 210),
            new MoonrakerHeater(59, 60)));

        Assert.Equal((ObservedMachine.Error, ObservedJobEnd.Failed), (seen.Machine, seen.JobEnd));
        Assert.Equal(JobId, seen.JobId);
        Assert.Equal("Shutdown due to M112 command", seen.Reason);
        Assert.Equal(["tool0", "bed"], seen.Heaters.Select(h => h.Name));
    }
}
