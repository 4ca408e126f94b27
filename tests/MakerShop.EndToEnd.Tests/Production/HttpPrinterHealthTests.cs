using System.Globalization;
using System.Net;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.EndToEnd.Tests.Payments;
using MakerShop.Printers.Reports;
using MakerShop.VirtualHttpPrinters.OctoPrint;
using MakerShop.VirtualHttpPrinters.Simulation;
using MakerShop.Web.HttpPrinters;
using MakerShop.Web.Storefront.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace MakerShop.EndToEnd.Tests.Production;

/// <summary>What the shop says about an HTTP printer between jobs: who is told about a refused key, and when it was last seen.</summary>
public sealed class HttpPrinterHealthTests
{
    private const string ApiKey = "HEALTH0123456789ABCDEF0123456789A";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_refused_API_key_is_named_on_the_owners_printer_page_in_words_in_English_and_French()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        var machine = new SimulatedHttpPrinter(new SimulatedPrinterOptions { Name = "key-octoprint" }, TimeProvider.System);
        await using var server = new FakeOctoPrintServer(machine, ApiKey);
        await server.StartAsync();
        await shop.Services.GetRequiredService<HttpPrinterProvisioner>().ProvisionAsync(
            new HttpPrinterDefinition { Id = "key-octoprint", Name = "Key OctoPrint", Kind = PrinterKind.OctoPrint, BaseUrl = server.BaseUrl, ApiKeyRef = "key-octoprint", LoadedMaterial = "PLA", LoadedColour = "black", AutoEject = true },
            "WRONG0123456789ABCDEF0123456789AB");

        await Eventually.UntilAsync(async () => await shop.TextAsync("SELECT COALESCE(status_reason, '') FROM printers WHERE id = 'key-octoprint'") == PrinterErrorReasons.ApiKeyRefused, Deadline, "the refused key to be recorded");
        using var owner = await OwnerSession.SignInAsync(shop);
        using var page = await owner.GetAsync("/admin/printers/key-octoprint");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Needs attention: the printer refuses the shop&#x27;s API key", owner.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(PrinterErrorReasons.ApiKeyRefused, owner.Html, StringComparison.Ordinal);

        var words = shop.Services.GetRequiredService<IStringLocalizer<MakerShop.Web.SharedResource>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
            var french = StatusWords.PrinterLine(words, nameof(PrinterStatus.Error), null, PrinterErrorReasons.ApiKeyRefused);
            Assert.Contains("refuse la clé d'API de la boutique", french, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task An_idle_HTTP_printer_is_seen_at_every_poll_though_nothing_changes()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        var machine = new SimulatedHttpPrinter(new SimulatedPrinterOptions { Name = "seen-octoprint" }, TimeProvider.System);
        await using var server = new FakeOctoPrintServer(machine, ApiKey);
        await server.StartAsync();
        await shop.Services.GetRequiredService<HttpPrinterProvisioner>().ProvisionAsync(
            new HttpPrinterDefinition { Id = "seen-octoprint", Name = "Seen", Kind = PrinterKind.OctoPrint, BaseUrl = server.BaseUrl, ApiKeyRef = "seen-octoprint", LoadedMaterial = "PLA", LoadedColour = "black", AutoEject = true },
            ApiKey);
        await Eventually.UntilAsync(async () => await shop.TextAsync("SELECT status FROM printers WHERE id = 'seen-octoprint'") == "Idle", Deadline, "the printer to be idle");
        var updated = await shop.TextAsync("SELECT updated_at FROM printers WHERE id = 'seen-octoprint'");

        for (var i = 0; i < 2; i++)
        {
            var seen = await shop.TextAsync("SELECT last_seen_at FROM printers WHERE id = 'seen-octoprint'");
            await Eventually.UntilAsync(async () => await shop.TextAsync("SELECT last_seen_at FROM printers WHERE id = 'seen-octoprint'") != seen, Deadline, "the printer to be seen again at its next poll");
        }

        Assert.Equal("Idle", await shop.TextAsync("SELECT status FROM printers WHERE id = 'seen-octoprint'"));
        Assert.Equal(updated, await shop.TextAsync("SELECT updated_at FROM printers WHERE id = 'seen-octoprint'"));
    }
}
