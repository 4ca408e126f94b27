using System.Text.RegularExpressions;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.VirtualHttpPrinters.OctoPrint;
using MakerShop.VirtualHttpPrinters.Simulation;
using MakerShop.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

/// <summary>
/// A printer listed under MakerShop:HttpPrinters (an OctoPrint, the in-process fake) belongs to the shop: its owner
/// commands it from the admin printer page, in French on a 390 px phone, and the machine itself does what was asked.
/// </summary>
public sealed class ConfiguredHttpPrinterOwnerBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string OwnerEmail = "owner@makershop.example";
    private const string OwnerPassword = "a long owner passphrase";
    private const string PrinterId = "atelier-octo";
    private const string ApiKey = "OWNER0123456789ABCDEF0123456789AB";
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);
    private static readonly LocatorAssertionsToHaveTextOptions Live = new() { Timeout = 60_000 };

    [Fact]
    public async Task The_owner_pauses_resumes_and_cancels_a_configured_OctoPrint_print_from_the_admin_printer_page_in_French_on_a_phone()
    {
        // 5 bytes per simulated second at 20x: the calibration cube prints for about five real minutes, time enough to
        // pause, resume and cancel it mid-way.
        var machine = new SimulatedHttpPrinter(new SimulatedPrinterOptions { Name = PrinterId, TimeScale = 20, BytesPerSecond = 5 }, TimeProvider.System);
        await using var octoPrint = new FakeOctoPrintServer(machine, ApiKey);
        await octoPrint.StartAsync();
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with { ExtraArgs = [.. PrinterArgs(octoPrint.BaseUrl)] });
        await shop.Services.GetRequiredService<AccountService>().CreateAsync(OwnerEmail, "Olivia", UserRole.Owner, null, OwnerPassword, CancellationToken.None);
        await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody(colour: "black"));
        await ShopApi.WaitForAnyJobAsync(shop.Http, "Printing", Long);
        await Eventually.UntilAsync(() => machine.Snapshot().State == SimulatedPrintState.Printing, Long, "the OctoPrint machine prints the shop's job");

        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, "fr-FR,fr;q=0.9");
        await page.SetViewportSizeAsync(390, 844);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/account/sign-in?returnUrl=%2Fadmin%2Fprinters");
        await page.FillAsync("input[name=email]", OwnerEmail);
        await page.FillAsync("input[name=password]", OwnerPassword);
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/printers$"));

        // The configured printer is on the owner's fleet as the shop's own, printing.
        var card = page.Locator($"[data-testid=fleet] li.fleet-card[data-printer={PrinterId}]");
        await Assertions.Expect(card.Locator(".state")).ToHaveTextAsync("Impression en cours", Live);
        await card.Locator("h2 a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/admin/printers/{PrinterId}$"));
        await Assertions.Expect(page.Locator("[data-testid=read-only]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("button[data-action=Pause]")).ToHaveTextAsync("Mettre en pause");
        await Assertions.Expect(page.Locator("button[data-action=Resume]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("button[data-action=BedCleared]")).ToHaveCountAsync(0);
        await AssertFitsPhoneAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "configured-octoprint-01-printing-fr-390");

        await PrinterPageSteps.ConfirmAsync(page, "Pause");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("Pause envoyée à");
        await Eventually.UntilAsync(() => machine.Snapshot().State == SimulatedPrintState.Paused, Long, "the OctoPrint machine pauses");
        await Assertions.Expect(page.Locator("[data-testid=state]")).ToHaveTextAsync("En pause", Live);
        await Assertions.Expect(page.Locator("button[data-action=Pause]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("button[data-action=Resume]")).ToHaveTextAsync("Reprendre");
        await AssertFitsPhoneAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "configured-octoprint-02-paused-fr-390");

        await PrinterPageSteps.ConfirmAsync(page, "Resume");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("Reprise envoyée à");
        await Eventually.UntilAsync(() => machine.Snapshot().State == SimulatedPrintState.Printing, Long, "the OctoPrint machine resumes");
        await Assertions.Expect(page.Locator("[data-testid=state]")).ToHaveTextAsync("Impression en cours", Live);

        await PrinterPageSteps.ConfirmAsync(page, "Cancel");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("Annulation envoyée à");
        await Eventually.UntilAsync(() => machine.Snapshot().State == SimulatedPrintState.Cancelled, Long, "the OctoPrint machine cancels the print");
        Assert.Single(machine.PrintsStarted);

        // The cancelled part is still on the bed: the printer waits for a person, whatever OctoPrint says.
        await Assertions.Expect(page.Locator("[data-testid=state]")).ToHaveTextAsync("Plateau à dégager", Live);
        await Assertions.Expect(page.Locator("button[data-action=Pause], button[data-action=Resume], button[data-action=Cancel]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("button[data-action=BedCleared]")).ToHaveTextAsync("Plateau dégagé");
        await AssertFitsPhoneAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "configured-octoprint-03-cancelled-fr-390");

        await PrinterPageSteps.ConfirmAsync(page, "BedCleared");
        await Assertions.Expect(page.Locator("[data-testid=state]")).ToHaveTextAsync("En attente d'un travail", Live);
        await Assertions.Expect(page.Locator("button[data-action=BedCleared]")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await AssertFitsPhoneAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "configured-octoprint-04-bed-cleared-fr-390");
        Assert.Single(machine.PrintsStarted);
        foreach (var action in new[] { "PrinterPause", "PrinterResume", "PrinterCancel", "PrinterBedCleared" })
        {
            Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND target = '{PrinterId}' AND user_email = '{OwnerEmail}'"));
        }
    }

    [Fact]
    public async Task The_owners_live_fleet_cards_name_a_refused_API_key_and_a_print_the_shop_did_not_send_in_words_in_English_and_French()
    {
        var refusing = new SimulatedHttpPrinter(new SimulatedPrinterOptions { Name = "atelier-refused" }, TimeProvider.System);
        await using var refusingServer = new FakeOctoPrintServer(refusing, ApiKey);
        await refusingServer.StartAsync();
        var local = new SimulatedHttpPrinter(new SimulatedPrinterOptions { Name = "atelier-local", BytesPerSecond = 1 }, TimeProvider.System);
        await using var localServer = new FakeOctoPrintServer(local, ApiKey);
        await localServer.StartAsync();
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with
        {
            ExtraArgs =
            [
                "--MakerShop:HttpPrinters:PollIntervalSeconds=0.5",
                .. ConfiguredPrinter(0, "atelier-refused", "Atelier refusé", refusingServer.BaseUrl, "WRONG0123456789ABCDEF0123456789AB"),
                .. ConfiguredPrinter(1, "atelier-local", "Atelier local", localServer.BaseUrl, ApiKey),
            ],
        });
        await shop.Services.GetRequiredService<AccountService>().CreateAsync(OwnerEmail, "Olivia", UserRole.Owner, null, OwnerPassword, CancellationToken.None);
        await Eventually.UntilAsync(async () => await shop.TextAsync("SELECT COALESCE(status_reason, '') FROM printers WHERE id = 'atelier-refused'") == "api-key-refused", Long, "the refused key to be recorded");
        await Eventually.UntilAsync(async () => await shop.TextAsync("SELECT status FROM printers WHERE id = 'atelier-local'") == "Idle", Long, "the second printer to be idle");
        // Someone starts a print on OctoPrint's own page: the shop did not send it.
        Assert.Equal(SimulatedCommandResult.Done, local.Upload("benchy.gcode", new byte[1000]));
        Assert.Equal(SimulatedCommandResult.Done, local.Start("benchy.gcode"));
        await Eventually.UntilAsync(async () => await shop.TextAsync("SELECT status FROM printers WHERE id = 'atelier-local'") == "Busy", Long, "the local print to be seen");

        foreach (var (language, refused, unsent, shot) in new[]
        {
            ("en", "Needs attention: the printer refuses the shop's API key (HTTP 401/403); enter its current API key in the shop", "Printing something the shop did not send", "configured-octoprint-05-live-words-en"),
            ("fr-FR,fr;q=0.9", "Demande une intervention: l'imprimante refuse la clé d'API de la boutique (HTTP 401/403) ; saisissez sa clé d'API actuelle dans la boutique", "Imprime quelque chose que la boutique n'a pas envoyé", "configured-octoprint-06-live-words-fr"),
        })
        {
            var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, language);
            await page.GotoAsync("/account/sign-in?returnUrl=%2Fadmin%2Fprinters");
            await page.FillAsync("input[name=email]", OwnerEmail);
            await page.FillAsync("input[name=password]", OwnerPassword);
            await page.ClickAsync("[data-testid=sign-in-submit]");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/printers$"));

            // The cards as the live script redraws them from the stream, not as the server sent them.
            await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=fleet]').dataset.updated", null, new() { Timeout = 60_000 });
            var fleet = page.Locator("[data-testid=fleet]");
            await Assertions.Expect(fleet.Locator("li.fleet-card[data-printer=atelier-refused] .state")).ToHaveTextAsync(refused);
            await Assertions.Expect(fleet.Locator("li.fleet-card[data-printer=atelier-local] .state")).ToHaveTextAsync(unsent);
            await Assertions.Expect(fleet).Not.ToContainTextAsync("api-key-refused");
            await ChromiumBrowser.ScreenshotAsync(page, shot);
            await page.CloseAsync();
        }
    }

    private static IEnumerable<string> ConfiguredPrinter(int index, string id, string name, Uri baseUrl, string apiKey) =>
    [
        $"--MakerShop:HttpPrinters:Printers:{index}:Id={id}",
        $"--MakerShop:HttpPrinters:Printers:{index}:Name={name}",
        $"--MakerShop:HttpPrinters:Printers:{index}:Kind=OctoPrint",
        $"--MakerShop:HttpPrinters:Printers:{index}:BaseUrl=" + baseUrl,
        $"--MakerShop:HttpPrinters:Printers:{index}:ApiKeyRef={id}",
        $"--MakerShop:HttpPrinters:Printers:{index}:AutoEject=false",
        $"--MakerShop:HttpPrinters:ApiKeys:{id}=" + apiKey,
    ];

    private static IEnumerable<string> PrinterArgs(Uri baseUrl) =>
    [
        // One attempt per job: the cancelled part is not requeued, so the printer is idle once its bed is cleared and
        // what it does after the cancel is the owner's doing alone (the requeue policy has its own tests).
        "--MakerShop:Shop:MaxPrintAttempts=1",
        "--MakerShop:HttpPrinters:PollIntervalSeconds=0.5",
        "--MakerShop:HttpPrinters:OfflineAfterSeconds=30",
        "--MakerShop:HttpPrinters:RequestTimeoutSeconds=5",
        $"--MakerShop:HttpPrinters:Printers:0:Id={PrinterId}",
        "--MakerShop:HttpPrinters:Printers:0:Name=Atelier OctoPrint",
        "--MakerShop:HttpPrinters:Printers:0:Kind=OctoPrint",
        "--MakerShop:HttpPrinters:Printers:0:BaseUrl=" + baseUrl,
        $"--MakerShop:HttpPrinters:Printers:0:ApiKeyRef={PrinterId}",
        "--MakerShop:HttpPrinters:Printers:0:LoadedColour=black",
        "--MakerShop:HttpPrinters:Printers:0:AutoEject=false",
        $"--MakerShop:HttpPrinters:ApiKeys:{PrinterId}=" + ApiKey,
    ];

    private static async Task AssertFitsPhoneAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "the printer page is wider than 390 px");
}
