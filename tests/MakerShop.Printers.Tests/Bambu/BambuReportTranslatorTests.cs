using System.Text.Json.Nodes;
using MakerShop.Printers.Bambu;
using MakerShop.Printers.Http;
using MakerShop.Printers.Reports;

namespace MakerShop.Printers.Tests.Bambu;

public sealed class BambuReportTranslatorTests
{
    private static JsonObject Print(string json) => (JsonObject)JsonNode.Parse(json)!;

    [Fact]
    public void Partial_reports_merge_into_one_state_so_fields_a_P1_did_not_resend_are_kept()
    {
        var state = new BambuReportState();
        state.Merge(Print("""{"gcode_state":"RUNNING","mc_percent":10,"mc_remaining_time":30,"subtask_name":"job_a.gcode","nozzle_temper":219.5,"ams":{"tray_now":"0","ams":[{"id":"0"}]}}"""));
        state.Merge(Print("""{"mc_percent":55,"ams":{"tray_now":"1"}}"""));

        var merged = state.Snapshot();
        Assert.Equal("RUNNING", (string?)merged["gcode_state"]);
        Assert.Equal(55, (int)merged["mc_percent"]!);
        Assert.Equal(30, (int)merged["mc_remaining_time"]!);
        Assert.Equal("1", (string?)merged["ams"]!["tray_now"]);
        Assert.NotNull(merged["ams"]!["ams"]);

        var seen = BambuReportTranslator.Observe(merged);
        Assert.Equal((ObservedMachine.Printing, "job_a", 0.55, 1800), (seen.Machine, seen.JobId, seen.Progress, seen.EtaSeconds));
        Assert.Contains(seen.Heaters, h => h.Name == "tool0" && h.Actual == 219.5);
    }

    [Fact]
    public void Deltas_before_the_first_full_report_do_not_count_as_knowing_the_printers_state()
    {
        var state = new BambuReportState();
        state.Merge(Print("""{"wifi_signal":"-46dBm","mc_percent":40}"""));
        Assert.False(state.HasReport);
        state.Merge(Print("""{"gcode_state":"FINISH"}"""));
        Assert.False(state.HasReport);
        state.Merge(Print("""{"gcode_state":"RUNNING","subtask_name":"job_g.gcode"}"""));
        Assert.True(state.HasReport);
        Assert.Equal(0.4, BambuReportTranslator.Observe(state.Snapshot()).Progress);
    }

    [Fact]
    public void Remaining_time_is_read_as_minutes_and_given_in_seconds()
    {
        var seen = BambuReportTranslator.Observe(Print("""{"gcode_state":"RUNNING","mc_percent":"40","mc_remaining_time":"12","subtask_name":"job_b.gcode"}"""));
        Assert.Equal(720, seen.EtaSeconds);
        Assert.Equal(0.4, seen.Progress);
    }

    [Theory]
    [InlineData("FINISH", 0, ObservedJobEnd.Completed)]
    [InlineData("FAILED", 0x07008006, ObservedJobEnd.Failed)]
    [InlineData("FAILED", 50348044, ObservedJobEnd.Cancelled)]
    public void A_finished_failed_or_stopped_print_ends_its_job_that_way(string gcodeState, long printError, ObservedJobEnd end)
    {
        var seen = BambuReportTranslator.Observe(Print($$"""{"gcode_state":"{{gcodeState}}","print_error":{{printError}},"subtask_name":"job_c.gcode","mc_percent":100}"""));
        Assert.Equal((ObservedMachine.Ready, "job_c", end), (seen.Machine, seen.JobId, seen.JobEnd));
        if (end == ObservedJobEnd.Failed)
        {
            Assert.Contains("0700_8006", seen.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_print_the_shop_stopped_reads_as_cancelled_even_after_the_printer_resets_its_error_to_zero()
    {
        var seen = BambuReportTranslator.Observe(Print("""{"gcode_state":"FAILED","print_error":0,"subtask_name":"job_d.gcode"}"""), cancelledFile: "job_d.gcode");
        Assert.Equal(ObservedJobEnd.Cancelled, seen.JobEnd);
    }

    [Fact]
    public void An_idle_printer_shows_no_job_so_a_print_lost_in_a_restart_is_not_mistaken_for_one_still_there()
    {
        var seen = BambuReportTranslator.Observe(Print("""{"gcode_state":"IDLE","subtask_name":"job_e.gcode"}"""));
        Assert.Equal((ObservedMachine.Ready, (string?)null, ObservedJobEnd.None), (seen.Machine, seen.JobId, seen.JobEnd));
    }

    [Fact]
    public void Pause_and_prepare_map_to_paused_and_to_printing_while_settling()
    {
        Assert.Equal(ObservedMachine.Paused, BambuReportTranslator.Observe(Print("""{"gcode_state":"PAUSE","subtask_name":"job_f.gcode"}""")).Machine);
        var preparing = BambuReportTranslator.Observe(Print("""{"gcode_state":"PREPARE","subtask_name":"job_f.gcode"}"""));
        Assert.True(preparing.IsActive);
        Assert.True(preparing.Settling);
    }

    [Fact]
    public void HMS_codes_are_given_in_words_where_known_and_as_the_screen_shows_them_otherwise()
    {
        var codes = BambuReportTranslator.HmsCodes(Print("""{"hms":[{"attr":83887360,"code":65543},{"attr":50331904,"code":65543}]}"""));
        Assert.Equal(["0500050000010007", "0300010000010007"], codes);
        Assert.Contains("Developer Mode is off", BambuHms.Describe(codes[0]), StringComparison.Ordinal);
        Assert.Equal("HMS 0300_0100_0001_0007", BambuHms.Describe(codes[1]));
    }

    [Theory]
    [InlineData("""{"gcode_state":"IDLE","fun":"3EC1AFFF9CFF"}""", true)]
    [InlineData("""{"gcode_state":"IDLE","fun":"3EC18FFF9CFF"}""", false)]
    [InlineData("""{"gcode_state":"IDLE","hms":[{"attr":83887360,"code":65543}]}""", true)]
    [InlineData("""{"gcode_state":"IDLE","hms":[]}""", false)]
    public void Developer_Mode_off_is_read_from_the_fun_bit_or_the_verification_HMS_code(string report, bool refuses)
    {
        var print = Print(report);
        Assert.Equal(refuses, BambuReportTranslator.RefusesControl(print));
        var seen = BambuReportTranslator.Observe(print);
        Assert.Equal(refuses ? ObservedMachine.Error : ObservedMachine.Ready, seen.Machine);
        Assert.Equal(refuses ? PrinterErrorReasons.BambuDeveloperModeOff : null, seen.Reason);
    }

    [Fact]
    public void A_printer_found_refusing_control_is_an_error_with_the_developer_mode_reason_the_maker_page_explains()
    {
        var seen = BambuReportTranslator.Observe(Print("""{"gcode_state":"IDLE"}"""), controlRefused: true);
        var endpoint = new HttpPrinterEndpoint("bambu-1", Core.PrinterKind.BambuLan, new Uri("mqtts://192.0.2.5:8883/"), "12345678", new Contracts.Devices.DeviceCredentials("bambu-1", "s"), false);
        var state = Assert.Single(HttpPrinterReportTranslator.Translate(endpoint, seen, null, DateTimeOffset.UnixEpoch).OfType<PrinterStateReport>());
        Assert.Equal((ReportedActivity.Error, PrinterErrorReasons.BambuDeveloperModeOff), (state.Activity, state.Reason));
    }

    [Theory]
    [InlineData(PrinterErrorReasons.BambuAccessCodeRefused)]
    [InlineData(PrinterErrorReasons.BambuCertificateChanged)]
    public void A_refused_access_code_or_changed_certificate_keeps_its_own_reason_not_the_API_key_one(string reason)
    {
        var endpoint = new HttpPrinterEndpoint("bambu-1", Core.PrinterKind.BambuLan, new Uri("mqtts://192.0.2.5:8883/"), "12345678", new Contracts.Devices.DeviceCredentials("bambu-1", "s"), false);
        var state = Assert.Single(HttpPrinterReportTranslator.Translate(endpoint, HttpPrinterObservation.Unauthorized(reason), null, DateTimeOffset.UnixEpoch).OfType<PrinterStateReport>());
        Assert.Equal(reason, state.Reason);
    }
}
