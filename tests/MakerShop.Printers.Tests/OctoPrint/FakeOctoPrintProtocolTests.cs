using System.Net;
using System.Text.Json.Nodes;
using MakerShop.Core;
using MakerShop.Printers.Tests.Support;

namespace MakerShop.Printers.Tests.OctoPrint;

/// <summary>The fake OctoPrint refuses what OctoPrint refuses, so the client tests prove the client speaks the real API.</summary>
public sealed class FakeOctoPrintProtocolTests
{
    private static readonly byte[] Gcode = "G28\nG1 X10 Y10 F3000\n"u8.ToArray();

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task A_request_without_the_right_api_key_gets_403(string? key)
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);
        using var client = RawClient.For(rig.Server.BaseUrl, key);

        using var response = await client.GetAsync(new Uri("/api/job", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("permission", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_whose_file_part_is_not_named_file_is_refused_with_400()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);
        using var client = RawClient.For(rig.Server.BaseUrl, HttpPrinterRig.ApiKey);

        using var wrong = await client.PostAsync(new Uri("/api/files/local", UriKind.Relative), RawClient.Upload("gcode", "part.gcode", Gcode, ("print", "true")));
        using var right = await client.PostAsync(new Uri("/api/files/local", UriKind.Relative), RawClient.Upload("file", "part.gcode", Gcode, ("select", "true"), ("print", "true")));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Created, right.StatusCode);
        Assert.EndsWith("/api/files/local/part.gcode", right.Headers.Location!.ToString(), StringComparison.Ordinal);
        var body = JsonNode.Parse(await right.Content.ReadAsStringAsync())!;
        Assert.True(body["effectivePrint"]!.GetValue<bool>());
        Assert.Equal(["part.gcode"], rig.Machine.PrintsStarted);
    }

    [Fact]
    public async Task Uploads_to_an_unknown_location_or_of_a_non_gcode_file_are_refused()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);
        using var client = RawClient.For(rig.Server.BaseUrl, HttpPrinterRig.ApiKey);

        using var location = await client.PostAsync(new Uri("/api/files/usb", UriKind.Relative), RawClient.Upload("file", "part.gcode", Gcode));
        using var type = await client.PostAsync(new Uri("/api/files/local", UriKind.Relative), RawClient.Upload("file", "part.exe", Gcode));

        Assert.Equal(HttpStatusCode.NotFound, location.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, type.StatusCode);
        Assert.Empty(rig.Machine.Uploads);
    }

    [Fact]
    public async Task A_printer_that_is_not_operational_answers_409_to_state_and_job_commands()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);
        using var client = RawClient.For(rig.Server.BaseUrl, HttpPrinterRig.ApiKey);
        rig.Machine.Upload("part.gcode", Gcode);
        rig.Machine.Select("part.gcode");
        rig.Machine.Disconnect();

        using var printer = await client.GetAsync(new Uri("/api/printer", UriKind.Relative));
        using var start = await client.PostAsync(new Uri("/api/job", UriKind.Relative), RawClient.Json("""{"command":"start"}"""));
        using var job = await client.GetAsync(new Uri("/api/job", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, printer.StatusCode);
        Assert.Equal("Printer is not operational", JsonNode.Parse(await printer.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, start.StatusCode);
        Assert.Equal("Offline", JsonNode.Parse(await job.Content.ReadAsStringAsync())!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Job_progress_is_a_percentage_and_a_second_start_while_printing_gets_409()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.OctoPrint);
        using var client = RawClient.For(rig.Server.BaseUrl, HttpPrinterRig.ApiKey);
        rig.Machine.Upload("part.gcode", new byte[10_000]);
        rig.Machine.Start("part.gcode");
        rig.Clock.Advance(TimeSpan.FromSeconds(50));

        var job = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/job", UriKind.Relative)))!;
        using var again = await client.PostAsync(new Uri("/api/job", UriKind.Relative), RawClient.Json("""{"command":"start"}"""));

        Assert.Equal("Printing", job["state"]!.GetValue<string>());
        Assert.Equal(50, job["progress"]!["completion"]!.GetValue<double>(), precision: 3);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
