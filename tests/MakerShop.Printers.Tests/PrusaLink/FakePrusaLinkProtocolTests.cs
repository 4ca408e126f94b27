using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using MakerShop.Core;
using MakerShop.Printers.PrusaLink;
using MakerShop.Printers.Tests.Support;
using MakerShop.VirtualHttpPrinters.PrusaLink;

namespace MakerShop.Printers.Tests.PrusaLink;

/// <summary>The fake Buddy printer refuses what the firmware refuses, so the driver tests prove the driver speaks the real API.</summary>
public sealed class FakePrusaLinkProtocolTests
{
    private static readonly byte[] Gcode = "G28\nG1 X10 Y10 F3000\n"u8.ToArray();

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task A_bare_request_or_a_wrong_key_gets_a_digest_challenge_with_a_sixteen_digit_nonce(string? key)
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.PrusaLink);
        using var client = RawClient.For(rig.Server.BaseUrl, key);

        using var response = await client.GetAsync(new Uri("/api/v1/status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Digest", challenge.Scheme);
        var fields = DigestChallenge.Fields(challenge.Parameter!);
        Assert.Matches("^[0-9a-f]{16}$", fields["nonce"]);
        Assert.False(fields.ContainsKey("qop"));
    }

    [Fact]
    public async Task A_right_digest_on_a_nonce_five_seconds_old_gets_a_stale_challenge_and_a_wrong_one_does_not()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.PrusaLink);
        using var client = RawClient.For(rig.Server.BaseUrl, null);
        using var first = await client.GetAsync(new Uri("/api/v1/status", UriKind.Relative));
        var challenge = DigestChallenge.From(first)!;

        using var fresh = await SendAsync(client, challenge.Answer("maker", HttpPrinterRig.ApiKey, HttpMethod.Get, "/api/v1/status"));
        using var wrong = await SendAsync(client, challenge.Answer("maker", "not-it", HttpMethod.Get, "/api/v1/status"));
        rig.Clock.Advance(TimeSpan.FromSeconds(5));
        using var old = await SendAsync(client, challenge.Answer("maker", HttpPrinterRig.ApiKey, HttpMethod.Get, "/api/v1/status"));

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.False(DigestChallenge.From(wrong)!.Stale);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.True(DigestChallenge.From(old)!.Stale);
        Assert.NotEqual(challenge.Nonce, DigestChallenge.From(old)!.Nonce);
    }

    [Fact]
    public async Task An_upload_needs_content_length_the_usb_storage_and_a_printable_name()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.PrusaLink);
        using var client = RawClient.For(rig.Server.BaseUrl, HttpPrinterRig.ApiKey);

        using var chunked = await client.PutAsync(new Uri("/api/v1/files/usb/a.gcode", UriKind.Relative), new StreamContent(new NonSeekable(Gcode)));
        using var storage = await client.PutAsync(new Uri("/api/v1/files/local/a.gcode", UriKind.Relative), new ByteArrayContent(Gcode));
        using var firmware = await client.PutAsync(new Uri("/api/v1/files/usb/update.bbf", UriKind.Relative), new ByteArrayContent(Gcode));
        using var right = await client.PutAsync(new Uri("/api/v1/files/usb/a.gcode", UriKind.Relative), new ByteArrayContent(Gcode));

        Assert.Equal(HttpStatusCode.LengthRequired, chunked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, storage.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, firmware.StatusCode);
        Assert.Equal(HttpStatusCode.Created, right.StatusCode);
        Assert.Equal(["a.gcode"], rig.Machine.Uploads);
        Assert.Empty(rig.Machine.PrintsStarted);
    }

    [Fact]
    public async Task An_upload_while_printing_gets_409_and_an_existing_file_needs_overwrite()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.PrusaLink);
        using var client = RawClient.For(rig.Server.BaseUrl, HttpPrinterRig.ApiKey);
        using var printing = new HttpRequestMessage(HttpMethod.Put, "/api/v1/files/usb/a.gcode") { Content = new ByteArrayContent(Gcode) };
        printing.Headers.Add("Print-After-Upload", "?1");
        using var started = await client.SendAsync(printing);

        using var whilePrinting = await client.PutAsync(new Uri("/api/v1/files/usb/b.gcode", UriKind.Relative), new ByteArrayContent(Gcode));
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        using var again = await client.PutAsync(new Uri("/api/v1/files/usb/a.gcode", UriKind.Relative), new ByteArrayContent(Gcode));

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, whilePrinting.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Null(rig.Machine.FileContent("b.gcode"));
        Assert.Equal(["a.gcode"], rig.Machine.PrintsStarted);
    }

    [Fact]
    public async Task An_upload_whose_connection_ends_inside_the_body_is_not_stored()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.PrusaLink);
        var server = (FakePrusaLinkServer)rig.Server;

        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, rig.Server.Port);
            var stream = tcp.GetStream();
            var head = $"PUT /api/v1/files/usb/cut.gcode HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: {HttpPrinterRig.ApiKey}\r\nPrint-After-Upload: ?1\r\nContent-Length: 10000\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(new byte[4000]);
            await stream.FlushAsync();
        }

        await Await.UntilAsync(() => server.CutUploads == 1, "the printer dropped the cut upload");
        Assert.Null(rig.Machine.FileContent("cut.gcode"));
        Assert.Empty(rig.Machine.PrintsStarted);
    }

    [Fact]
    public async Task Job_commands_name_the_current_job_another_id_is_404_and_a_state_that_does_not_allow_it_409()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.PrusaLink);
        using var client = RawClient.For(rig.Server.BaseUrl, HttpPrinterRig.ApiKey);
        rig.Machine.Upload("a.gcode", new byte[6000]);
        rig.Machine.Start("a.gcode");
        using var job = await client.GetAsync(new Uri("/api/v1/job", UriKind.Relative));
        var id = System.Text.Json.Nodes.JsonNode.Parse(await job.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();

        using var other = await client.PutAsync(new Uri($"/api/v1/job/{id + 1}/pause", UriKind.Relative), null);
        using var resumeWhilePrinting = await client.PutAsync(new Uri($"/api/v1/job/{id}/resume", UriKind.Relative), null);
        using var unknown = await client.PutAsync(new Uri($"/api/v1/job/{id}/jump", UriKind.Relative), null);
        using var stop = await client.DeleteAsync(new Uri($"/api/v1/job/{id}", UriKind.Relative));
        using var stopAgain = await client.DeleteAsync(new Uri($"/api/v1/job/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, resumeWhilePrinting.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, stop.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stopAgain.StatusCode);
    }

    [Fact]
    public async Task With_no_job_the_job_endpoint_answers_204_and_the_status_has_no_job()
    {
        await using var rig = await HttpPrinterRig.StartAsync(PrinterKind.PrusaLink);
        using var client = RawClient.For(rig.Server.BaseUrl, HttpPrinterRig.ApiKey);

        using var job = await client.GetAsync(new Uri("/api/v1/job", UriKind.Relative));
        var status = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/status", UriKind.Relative)))!;

        Assert.Equal(HttpStatusCode.NoContent, job.StatusCode);
        Assert.Null(status["job"]);
        Assert.Equal("IDLE", status["printer"]!["state"]!.GetValue<string>());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, AuthenticationHeaderValue authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/status");
        request.Headers.Authorization = authorization;
        return client.SendAsync(request);
    }

    /// <summary>A body whose length is unknown, so the client sends it chunked, without Content-Length.</summary>
    private sealed class NonSeekable(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
