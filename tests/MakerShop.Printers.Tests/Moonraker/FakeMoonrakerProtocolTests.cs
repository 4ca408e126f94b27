using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MakerShop.Core;
using MakerShop.Printers.Tests.Support;

namespace MakerShop.Printers.Tests.Moonraker;

/// <summary>The fake Moonraker refuses what Moonraker refuses, so the client tests prove the client speaks the real API.</summary>
public sealed class FakeMoonrakerProtocolTests
{
    private static readonly byte[] Gcode = "G28\nG1 X10 Y10 F3000\n"u8.ToArray();

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task A_request_without_the_right_api_key_gets_401_in_the_error_envelope(string? key)
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        using var client = RawClient.For(rig.Server.BaseUrl, key);

        using var response = await client.GetAsync(new Uri("/server/info", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_upload_whose_file_part_is_not_named_file_is_refused_and_a_good_one_starts_the_print()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        using var client = RawClient.For(rig.Server.BaseUrl, HttpPrinterRig.ApiKey);

        using var wrong = await client.PostAsync(new Uri("/server/files/upload", UriKind.Relative), RawClient.Upload("upload", "part.gcode", Gcode, ("print", "true")));
        using var right = await client.PostAsync(new Uri("/server/files/upload", UriKind.Relative), RawClient.Upload("file", "part.gcode", Gcode, ("root", "gcodes"), ("path", "shop"), ("print", "true")));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Created, right.StatusCode);
        // The upload's answer is the bare object, not wrapped in "result" like Moonraker's other answers.
        var result = JsonNode.Parse(await right.Content.ReadAsStringAsync())!.AsObject();
        Assert.False(result.ContainsKey("result"));
        Assert.Equal("shop/part.gcode", result["item"]!["path"]!.GetValue<string>());
        Assert.True(result["print_started"]!.GetValue<bool>());
        Assert.Equal("create_file", result["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_upload_with_a_wrong_checksum_gets_422_and_an_unknown_root_400()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        using var client = RawClient.For(rig.Server.BaseUrl, HttpPrinterRig.ApiKey);
        var wrongSum = Convert.ToHexStringLower(SHA256.HashData("something else"u8));

        using var checksum = await client.PostAsync(new Uri("/server/files/upload", UriKind.Relative), RawClient.Upload("file", "part.gcode", Gcode, ("checksum", wrongSum)));
        using var root = await client.PostAsync(new Uri("/server/files/upload", UriKind.Relative), RawClient.Upload("file", "part.gcode", Gcode, ("root", "secrets")));

        Assert.Equal((HttpStatusCode)422, checksum.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, root.StatusCode);
        Assert.Empty(rig.Machine.Uploads);
    }

    [Fact]
    public async Task With_klippy_disconnected_printer_endpoints_answer_503_and_a_print_cannot_start_twice()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        using var client = RawClient.For(rig.Server.BaseUrl, HttpPrinterRig.ApiKey);
        rig.Machine.Upload("part.gcode", Gcode);

        using var first = await client.PostAsync(new Uri("/printer/print/start?filename=part.gcode", UriKind.Relative), null);
        using var second = await client.PostAsync(new Uri("/printer/print/start?filename=part.gcode", UriKind.Relative), null);
        rig.Machine.Disconnect();
        using var query = await client.PostAsync(new Uri("/printer/objects/query", UriKind.Relative), RawClient.Json("""{"objects":{"print_stats":null}}"""));
        var info = JsonNode.Parse(await client.GetStringAsync(new Uri("/server/info", UriKind.Relative)))!["result"]!;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("ok", JsonNode.Parse(await first.Content.ReadAsStringAsync())!["result"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, query.StatusCode);
        Assert.False(info["klippy_connected"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Objects_query_returns_only_what_was_asked_with_progress_as_a_fraction()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.Moonraker);
        using var client = RawClient.For(rig.Server.BaseUrl, HttpPrinterRig.ApiKey);
        rig.Machine.Upload("part.gcode", new byte[10_000]);
        rig.Machine.Start("part.gcode");
        rig.Clock.Advance(TimeSpan.FromSeconds(25));

        using var response = await client.PostAsync(
            new Uri("/printer/objects/query", UriKind.Relative),
            RawClient.Json("""{"objects":{"print_stats":["state","filename"],"virtual_sdcard":null,"no_such_object":null}}"""));
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["result"]!["status"]!.AsObject();

        Assert.Equal(["print_stats", "virtual_sdcard"], status.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["filename", "state"], status["print_stats"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("printing", status["print_stats"]!["state"]!.GetValue<string>());
        Assert.Equal(0.25, status["virtual_sdcard"]!["progress"]!.GetValue<double>(), precision: 3);
    }
}
