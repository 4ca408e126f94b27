using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using MakerShop.Contracts.Mqtt;
using MakerShop.Printers.Bambu;
using MakerShop.Printers.Http;
using MakerShop.Printers.Tests.Support.Bambu;
using MakerShop.VirtualHttpPrinters.Bambu;

namespace MakerShop.Printers.Tests.Bambu;

/// <summary>Jobs on a Bambu Lab printer with an AMS print from the tray holding their filament, and the fake reports trays as a P1S does.</summary>
public sealed class BambuAmsPrintingTests
{
    private static readonly byte[] Gcode = Encoding.ASCII.GetBytes("G28\nG1 X10 Y10 F3000\nM400\n");

    private static readonly FakeBambuTray Black = new(0, 0, "PLA", "000000FF", 40);
    private static readonly FakeBambuTray White = new(0, 1, "PLA", "FFFFFFFF", 80);

    private static StartJobArguments Start(string jobId, string material, string colour) =>
        new(jobId, new Uri("http://shop.invalid/gcode"), "", Gcode.Length) { Material = material, Colour = colour };

    [Fact]
    public async Task A_job_prints_from_the_AMS_tray_that_holds_its_material_and_colour()
    {
        await using var rig = await BambuRig.StartAsync(o => o.AmsTrays = [Black, White]);
        await rig.ObserveUntilAsync(o => o.Machine == ObservedMachine.Ready && o.Filament is { HasAms: true }, "the printer reports its trays");

        var started = await rig.Protocol.UploadAndPrintAsync(rig.Endpoint, "job_white.gcode", new MemoryStream(Gcode), Start("job_white", "PLA", "white"));

        Assert.Equal(HttpCallOutcome.Done, started.Outcome);
        var sent = rig.Printer.LastProjectFile!;
        Assert.True((bool)sent["use_ams"]!);
        Assert.Equal([1], ((JsonArray)sent["ams_mapping"]!).Select(n => (int)n!));
        var printing = await rig.ObserveUntilAsync(o => o.Filament!.Trays.Any(t => t.Active), "the printer says which tray feeds the nozzle");
        Assert.Equal(1, printing.Filament!.Trays.Single(t => t.Active).Index);
    }

    [Fact]
    public async Task A_job_whose_filament_no_tray_holds_is_refused_before_any_upload_and_the_need_is_shown_until_it_is_loaded()
    {
        await using var rig = await BambuRig.StartAsync(o => o.AmsTrays = [Black]);
        await rig.ObserveUntilAsync(o => o.Machine == ObservedMachine.Ready && o.Filament is { HasAms: true }, "the printer reports its trays");

        var refused = await rig.Protocol.UploadAndPrintAsync(rig.Endpoint, "job_red.gcode", new MemoryStream(Gcode), Start("job_red", "PLA", "red"));

        Assert.Equal(HttpCallOutcome.Rejected, refused.Outcome);
        Assert.StartsWith(BambuLanProtocol.FilamentNotLoaded, refused.Detail, StringComparison.Ordinal);
        Assert.Null(rig.Printer.LastProjectFile);
        Assert.Empty(Directory.GetFiles(rig.Storage));
        var waiting = await rig.ObserveUntilAsync(o => o.Filament?.Wanted is not null, "the printer says what to load");
        Assert.Equal(("PLA", "red"), (waiting.Filament!.Wanted!.Material, waiting.Filament.Wanted.Colour));

        rig.Printer.LoadTray(new FakeBambuTray(0, 2, "PLA", "C12E1FFF"));
        await rig.ObserveUntilAsync(o => o.Filament is { Wanted: null } f && f.TrayFor("PLA", "red") is not null, "the loaded spool answers the need");
        var started = await rig.Protocol.UploadAndPrintAsync(rig.Endpoint, "job_red.gcode", new MemoryStream(Gcode), Start("job_red", "PLA", "red"));
        Assert.Equal(HttpCallOutcome.Done, started.Outcome);
        Assert.Equal([2], ((JsonArray)rig.Printer.LastProjectFile!["ams_mapping"]!).Select(n => (int)n!));
    }

    [Fact]
    public async Task Without_an_AMS_a_job_prints_from_the_external_spool_as_before()
    {
        await using var rig = await BambuRig.StartAsync();
        await rig.ObserveUntilAsync(o => o.Machine == ObservedMachine.Ready, "the printer reports IDLE");

        var started = await rig.Protocol.UploadAndPrintAsync(rig.Endpoint, "job_ext.gcode", new MemoryStream(Gcode), Start("job_ext", "PETG", "green"));

        Assert.Equal(HttpCallOutcome.Done, started.Outcome);
        Assert.False((bool)rig.Printer.LastProjectFile!["use_ams"]!);
        Assert.Empty((JsonArray)rig.Printer.LastProjectFile["ams_mapping"]!);
    }

    [Fact]
    public async Task The_fake_sends_its_trays_in_a_full_report_and_in_a_delta_only_when_they_change()
    {
        await using var rig = await BambuRig.StartAsync(o => o.AmsTrays = [Black]);
        await rig.ObserveUntilAsync(o => o.Filament is { HasAms: true }, "the printer reports its trays");
        rig.PrinterClock.Advance(TimeSpan.FromSeconds(3));
        await rig.ObserveUntilAsync(_ => rig.Printer.ReportsSent.Count(r => r["print"]!["wifi_signal"] is not null) >= 3, "the printer pushes its small deltas");

        var reports = rig.Printer.ReportsSent.Select(r => (JsonObject)r["print"]!).ToList();
        Assert.NotNull(reports[0]["ams"]);
        Assert.All(reports.Skip(1), r => Assert.Null(r["ams"]));

        rig.Printer.LoadTray(White);
        var last = (JsonObject)rig.Printer.ReportsSent[^1]["print"]!;
        Assert.Equal(2, ((JsonArray)last["ams"]!["ams"]![0]!["tray"]!).OfType<JsonObject>().Count(t => t["tray_type"] is not null));
        await rig.ObserveUntilAsync(o => o.Filament!.TrayFor("PLA", "white") is not null, "the shop sees the new tray");
    }

    [Fact]
    public async Task The_fake_pauses_a_print_mapped_to_an_empty_tray_as_the_real_printer_does()
    {
        await using var rig = await BambuRig.StartAsync(o => o.AmsTrays = [Black]);
        await rig.ObserveUntilAsync(o => o.Machine == ObservedMachine.Ready, "the printer reports IDLE");
        await File.WriteAllBytesAsync(Path.Combine(rig.Storage, "job_empty.gcode.3mf"), Project());
        var session = rig.Sessions.Find("bambu-test")!;

        var package = new BambuJobPackage("job_empty.gcode.3mf", "Metadata/plate_1.gcode", "");
        Assert.True(await session.PublishAsync(BambuCommands.ProjectFile(session.NextSequenceId(), package, rig.Printer.Serial, "job_empty.gcode", 42, amsTray: 3)));

        var paused = await rig.ObserveUntilAsync(o => o.Machine == ObservedMachine.Paused, "the printer waits paused");
        Assert.Equal("job_empty", paused.JobId);
        Assert.Equal(1, rig.Printer.PausedForEmptyTray);
        Assert.Empty(rig.Printer.PrintsStarted);
    }

    private static byte[] Project()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("Metadata/plate_1.gcode").Open();
            entry.Write(Gcode);
        }

        return buffer.ToArray();
    }
}
