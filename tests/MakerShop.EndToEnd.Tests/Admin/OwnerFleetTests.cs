using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Browser;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Devices;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Admin;

/// <summary>
/// The owner's fleet through the real host: every maker's printers and the shop's own on /admin/printers and its live
/// stream, and commands that reach the shop's own printers only, in the states that allow them, each one audited.
/// </summary>
public sealed class OwnerFleetTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private TestShop shop = null!;
    private ScriptedPrinter printer = null!;

    public async Task InitializeAsync()
    {
        shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        printer = await ScriptedPrinter.RegisterAndConnectAsync(shop);
        await MakerSession.AddMakerAsync(shop, "ana", "FR", "ana@makers.example");
        await MakerSession.AddMakerAsync(shop, "bob", "DE", "bob@makers.example");
        var registry = shop.Services.GetRequiredService<PrinterRegistry>();
        await registry.RegisterAsync(new PrinterRegistration("ana-mk3", "Ana's MK3", PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, "PLA", "white", "FR", AutoEject: false)
        {
            Equipment = new PrinterEquipment("ana", Enclosed: false, HardenedNozzle: false),
        });
        await registry.RegisterAsync(new PrinterRegistration("bob-voron", "Bob's Voron", PrinterKind.FirmwareBridge, new Size3(300, 300, 300), 0.4, "PETG", "orange", "DE", AutoEject: true)
        {
            Equipment = new PrinterEquipment("bob", Enclosed: true, HardenedNozzle: false),
        });
    }

    public async Task DisposeAsync()
    {
        await printer.DisposeAsync();
        await shop.DisposeAsync();
    }

    [Fact]
    public async Task The_owner_sees_the_printers_of_two_makers_and_the_shops_own_on_the_page_and_in_the_live_stream()
    {
        var page = await PageAsync("/admin/printers");
        Assert.Contains("Ana's MK3", page, StringComparison.Ordinal);
        Assert.Contains("Bob's Voron", page, StringComparison.Ordinal);
        Assert.Contains(">Scripted<", page, StringComparison.Ordinal);
        // Whose each one is, in words: the makers' names, and the shop for its own.
        Assert.Contains("ANA · France", page, StringComparison.Ordinal);
        Assert.Contains("BOB · Germany", page, StringComparison.Ordinal);
        Assert.Contains("The shop · France", page, StringComparison.Ordinal);
        Assert.DoesNotContain("NeedsBedClear<", page, StringComparison.Ordinal);

        // A filter in the query string alone (no script) leaves only that maker's printer.
        var bobs = await PageAsync("/admin/printers?maker=bob&country=DE");
        Assert.Contains("Bob's Voron", bobs, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana's MK3", bobs, StringComparison.Ordinal);
        var petg = await PageAsync("/admin/printers?material=PETG");
        Assert.DoesNotContain("Ana's MK3", petg, StringComparison.Ordinal);
        Assert.Contains("Bob's Voron", petg, StringComparison.Ordinal);

        // In French too: the state and whose printer it is, in words.
        using (var french = new HttpRequestMessage(HttpMethod.Get, "/admin/printers"))
        {
            french.Headers.AcceptLanguage.ParseAdd("fr");
            using var response = await shop.Http.SendAsync(french);
            var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("Hors ligne", text, StringComparison.Ordinal);
            Assert.Contains("La boutique · France", text, StringComparison.Ordinal);
            Assert.Contains("BOB · Allemagne", text, StringComparison.Ordinal);
        }

        var first = await FirstLiveEventAsync();
        Assert.Contains("event: printers", first, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"ana-mk3\"", first, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"bob-voron\"", first, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"scripted-1\"", first, StringComparison.Ordinal);
        Assert.Contains("\"makerName\":\"BOB\"", first, StringComparison.Ordinal);

        // Without a session: the stream sends to the sign-in page, the API answers 401.
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var anonymous = new HttpClient(handler) { BaseAddress = shop.Http.BaseAddress };
        using var live = await anonymous.GetAsync("/admin/printers/live");
        Assert.Equal(HttpStatusCode.Redirect, live.StatusCode);
        Assert.StartsWith("/account/sign-in", live.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/admin/printers/scripted-1/commands", new { action = "Pause" })).StatusCode);
    }

    [Fact]
    public async Task The_owner_pauses_and_resumes_a_shop_printer_only_while_its_state_allows_and_cannot_command_a_makers_printer()
    {
        await printer.PublishStateAsync(BridgeStatus.Idle, DateTimeOffset.UtcNow.AddSeconds(-30));
        await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());
        var start = await printer.NextCommandAsync(PrinterCommandKind.Start);
        await printer.AckAsync(start);
        var t0 = DateTimeOffset.UtcNow;
        await printer.PublishStateAsync(BridgeStatus.Printing, t0, start.JobId, 0.3);
        await Eventually.UntilAsync(async () => await shop.TextAsync("SELECT status FROM printers WHERE id = 'scripted-1'") == "Busy", Deadline, "the shop printer to be printing");

        // Printing: resume is not possible, pause is.
        using (var resume = await CommandAsync("scripted-1", "Resume"))
        {
            Assert.Equal(HttpStatusCode.Conflict, resume.StatusCode);
            Assert.Contains("not paused", (await ProblemAsync(resume))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        using (var pause = await CommandAsync("scripted-1", "Pause"))
        {
            Assert.Equal(HttpStatusCode.OK, pause.StatusCode);
        }

        var paused = await printer.NextCommandAsync(PrinterCommandKind.Pause);
        Assert.Equal(start.JobId, paused.JobId);
        await printer.AckAsync(paused);
        await printer.PublishStateAsync(BridgeStatus.Paused, t0.AddSeconds(1), start.JobId, 0.31);
        await Eventually.UntilAsync(async () => await shop.TextAsync("SELECT status FROM printers WHERE id = 'scripted-1'") == "Paused", Deadline, "the shop printer to be paused");

        using (var resume = await CommandAsync("scripted-1", "Resume"))
        {
            Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        }

        var resumed = await printer.NextCommandAsync(PrinterCommandKind.Resume);
        Assert.Equal(start.JobId, resumed.JobId);
        await printer.AckAsync(resumed);

        // A maker's printer: refused by the handler whatever the command, nothing is sent, and the refusal is on record.
        using (var stop = await CommandAsync("ana-mk3", "EmergencyStop"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, stop.StatusCode);
            Assert.Contains("only they can command it", (await ProblemAsync(stop))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        using (var service = await CommandAsync("bob-voron", "TakeOutOfService"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, service.StatusCode);
        }

        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM printer_commands WHERE printer_id IN ('ana-mk3', 'bob-voron')"));
        Assert.Equal(1, await shop.CountAsync("SELECT in_service FROM printers WHERE id = 'bob-voron'"));

        // Bad input is a clear 400 or 404, never a 500.
        using (var unknown = await CommandAsync("scripted-1", "Explode"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        }

        using (var missing = await CommandAsync("no-such-printer", "Pause"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'PrinterPause' AND target = 'scripted-1'"));
        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'PrinterResume' AND target = 'scripted-1'"));
        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'PrinterResumeRefused' AND target = 'scripted-1'"));
        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'PrinterEmergencyStopRefused' AND target = 'ana-mk3'"));
        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'PrinterTakeOutOfServiceRefused' AND target = 'bob-voron'"));
    }

    /// <summary>The page's text as a reader sees it (entities decoded).</summary>
    private async Task<string> PageAsync(string path) => WebUtility.HtmlDecode(await shop.Http.GetStringAsync(path));

    private Task<HttpResponseMessage> CommandAsync(string printerId, string action) =>
        shop.Http.PostAsJsonAsync($"/api/admin/printers/{printerId}/commands", new { action });

    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The stream's first event (the whole fleet), read until its blank line.</summary>
    private async Task<string> FirstLiveEventAsync()
    {
        using var timeout = new CancellationTokenSource(Deadline);
        using var response = await shop.Http.GetAsync("/admin/printers/live", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var text = new System.Text.StringBuilder();
        while (await reader.ReadLineAsync(timeout.Token) is { } line && line.Length > 0)
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }
}
