using System.Text.Json.Nodes;
using MakerShop.Core;
using MakerShop.Printers.Bambu;

namespace MakerShop.Printers.Tests.Bambu;

/// <summary>The AMS trays and the external spool of a Bambu Lab report, as the one translator reads them.</summary>
public sealed class BambuAmsTraysTests
{
    private const string FullReport =
        """
        {"gcode_state":"IDLE","subtask_name":"","mc_percent":0,
         "ams":{"tray_now":"1","ams":[{"id":"0","humidity":"4","tray":[
            {"id":"0","tray_type":"PLA","tray_color":"000000FF","remain":35},
            {"id":"1","tray_type":"PLA","tray_color":"FFFFFFFF","remain":80},
            {"id":"2"},
            {"id":"3","tray_type":"PETG","tray_color":"FF6A13FF","remain":-1}]}]},
         "vt_tray":{"id":"254","tray_type":"TPU","tray_color":"0A2989FF","remain":0}}
        """;

    private static JsonObject Print(string json) => (JsonObject)JsonNode.Parse(json)!;

    [Fact]
    public void Trays_are_read_with_their_material_colour_word_remaining_share_and_the_one_feeding_the_nozzle()
    {
        var filament = BambuReportTranslator.Observe(Print(FullReport)).Filament!;

        Assert.True(filament.HasAms);
        Assert.Equal(
            [(0, 0, "PLA", "black", 35, false), (0, 1, "PLA", "white", 80, true), (0, 3, "PETG", "orange", -1, false)],
            filament.Trays.Where(t => !t.IsExternal).Select(t => (t.AmsUnit!.Value, t.Slot!.Value, t.Material, t.ColourName, t.RemainingPercent ?? -1, t.Active)));
        var external = Assert.Single(filament.Trays, t => t.IsExternal);
        Assert.Equal(("TPU", "blue", "0A2989", FilamentTray.ExternalSpoolIndex), (external.Material, external.ColourName, external.ColourHex, external.Index));
    }

    [Fact]
    public void A_P1_delta_without_the_ams_block_keeps_the_trays_and_a_delta_with_it_moves_the_active_tray()
    {
        var state = new BambuReportState();
        state.Merge(Print(FullReport));
        state.Merge(Print("""{"wifi_signal":"-46dBm","mc_percent":3}"""));

        var kept = BambuReportTranslator.Observe(state.Snapshot()).Filament!;
        Assert.Equal(4, kept.Trays.Count);
        Assert.Equal(1, Assert.Single(kept.Trays, t => t.Active).Index);

        state.Merge(Print("""{"ams":{"tray_now":"3"}}"""));
        var moved = BambuReportTranslator.Observe(state.Snapshot()).Filament!;
        Assert.Equal(3, Assert.Single(moved.Trays, t => t.Active).Index);
        Assert.Equal(4, moved.Trays.Count);
    }

    [Fact]
    public void The_external_spool_feeding_the_nozzle_is_the_active_one_and_a_printer_without_ams_has_none()
    {
        var filament = BambuReportTranslator.Observe(Print(
            """{"gcode_state":"IDLE","subtask_name":"","ams":{"ams":[],"tray_now":"254"},"vt_tray":{"id":"254","tray_type":"PLA","tray_color":"FFFFFFFF"}}""")).Filament!;

        Assert.False(filament.HasAms);
        var external = Assert.Single(filament.Trays);
        Assert.True(external.Active);
        Assert.Null(filament.TrayFor("PLA", "white"));
    }

    [Fact]
    public void The_tray_for_a_job_is_the_one_holding_its_material_and_colour_preferring_the_active_then_the_fullest()
    {
        var filament = BambuReportTranslator.Observe(Print(FullReport)).Filament!;

        Assert.Equal(1, filament.TrayFor("pla", "white")!.Index);
        Assert.Equal(0, filament.TrayFor("PLA", "black")!.Index);
        Assert.Null(filament.TrayFor("PLA", "red"));
        Assert.Null(filament.TrayFor("TPU", "blue"));
    }

    [Fact]
    public void What_a_refused_job_needed_is_shown_until_a_tray_holds_it()
    {
        var need = new FilamentNeed("PLA", "red");
        Assert.Equal(need, BambuReportTranslator.Observe(Print(FullReport), wanted: need).Filament!.Wanted);

        var loaded = FullReport.Replace("""{"id":"2"}""", """{"id":"2","tray_type":"PLA","tray_color":"C12E1FFF","remain":100}""", StringComparison.Ordinal);
        Assert.Null(BambuReportTranslator.Observe(Print(loaded), wanted: need).Filament!.Wanted);
    }
}
