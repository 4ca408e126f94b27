using System.Net;
using MakerShop.Core;
using MakerShop.Printers.Moonraker;
using MakerShop.Printers.Tests.Support;

namespace MakerShop.Printers.Tests.Moonraker;

/// <summary>The Refit interface's other calls (server and printer info, start by name, G-code script) against the fake.</summary>
public sealed class MoonrakerClientTests
{
    [Fact]
    public async Task The_client_reads_server_and_printer_info()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        var api = rig.Api<IMoonrakerApi>();

        using var server = await api.GetServerInfoAsync();
        using var printer = await api.GetPrinterInfoAsync();

        Assert.True(server.Content!.Result!.KlippyConnected);
        Assert.Equal("ready", server.Content.Result.KlippyState);
        Assert.Equal("ready", printer.Content!.Result!.State);
        Assert.Equal("v0.12.0-fake", printer.Content.Result.SoftwareVersion);
    }

    [Fact]
    public async Task A_stored_file_is_started_by_name_and_a_gcode_script_runs_line_by_line()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        var api = rig.Api<IMoonrakerApi>();
        rig.Machine.Upload("makershop/part.gcode", new byte[2000]);

        using var unknown = await api.StartPrintAsync("makershop/missing.gcode");
        using var start = await api.StartPrintAsync("makershop/part.gcode");
        using var script = await api.RunGcodeAsync(new MoonrakerGcodeScript("M117 hello\nM106 S128"));

        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Equal(["makershop/part.gcode"], rig.Machine.PrintsStarted);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(["M117 hello", "M106 S128"], rig.Machine.GcodeCommands);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }
}
