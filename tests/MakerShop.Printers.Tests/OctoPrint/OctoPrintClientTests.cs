using System.Net;
using MakerShop.Core;
using MakerShop.Printers.OctoPrint;
using MakerShop.Printers.Tests.Support;

namespace MakerShop.Printers.Tests.OctoPrint;

/// <summary>The Refit interface's other calls (version, connection, raw G-code) against the fake.</summary>
public sealed class OctoPrintClientTests
{
    [Fact]
    public async Task The_client_reads_the_version_and_drives_the_serial_connection()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);
        var api = rig.Api<IOctoPrintApi>();

        using var version = await api.GetVersionAsync();
        using var disconnect = await api.PostConnectionAsync(new OctoPrintConnectionCommand("disconnect"));
        using var closed = await api.GetConnectionAsync();
        using var badPort = await api.PostConnectionAsync(new OctoPrintConnectionCommand("connect", "/dev/nope"));
        using var connect = await api.PostConnectionAsync(new OctoPrintConnectionCommand("connect", "VIRTUAL"));
        using var open = await api.GetConnectionAsync();

        Assert.Equal(("0.1", "OctoPrint 1.10.3"), (version.Content!.Api, version.Content.Text));
        Assert.Equal(HttpStatusCode.NoContent, disconnect.StatusCode);
        Assert.Equal("Closed", closed.Content!.Current!.State);
        Assert.Equal(HttpStatusCode.BadRequest, badPort.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, connect.StatusCode);
        Assert.Equal(("Operational", "VIRTUAL"), (open.Content!.Current!.State, open.Content.Current.Port));
    }

    [Fact]
    public async Task Raw_gcode_goes_out_as_a_commands_list()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);

        using var response = await rig.Api<IOctoPrintApi>().SendGcodeAsync(new OctoPrintGcodeCommand(["M106 S255", "M18"]));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["M106 S255", "M18"], rig.Machine.GcodeCommands);
    }
}
