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

        await ConfirmAsync(page, "Pause");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("Pause envoyée à");
        await Eventually.UntilAsync(() => machine.Snapshot().State == SimulatedPrintState.Paused, Long, "the OctoPrint machine pauses");
        await Assertions.Expect(page.Locator("[data-testid=state]")).ToHaveTextAsync("En pause", Live);
        await Assertions.Expect(page.Locator("button[data-action=Pause]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("button[data-action=Resume]")).ToHaveTextAsync("Reprendre");
        await AssertFitsPhoneAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "configured-octoprint-02-paused-fr-390");

        await ConfirmAsync(page, "Resume");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("Reprise envoyée à");
        await Eventually.UntilAsync(() => machine.Snapshot().State == SimulatedPrintState.Printing, Long, "the OctoPrint machine resumes");
        await Assertions.Expect(page.Locator("[data-testid=state]")).ToHaveTextAsync("Impression en cours", Live);

        await ConfirmAsync(page, "Cancel");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("Annulation envoyée à");
        await Eventually.UntilAsync(() => machine.Snapshot().State == SimulatedPrintState.Cancelled, Long, "the OctoPrint machine cancels the print");
        Assert.Single(machine.PrintsStarted);

        // The cancelled part is still on the bed: the printer waits for a person, whatever OctoPrint says.
        await Assertions.Expect(page.Locator("[data-testid=state]")).ToHaveTextAsync("Plateau à dégager", Live);
        await Assertions.Expect(page.Locator("button[data-action=Pause], button[data-action=Resume], button[data-action=Cancel]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("button[data-action=BedCleared]")).ToHaveTextAsync("Plateau dégagé");
        await AssertFitsPhoneAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "configured-octoprint-03-cancelled-fr-390");

        await ConfirmAsync(page, "BedCleared");
        await Assertions.Expect(page.Locator("[data-testid=state]")).Not.ToHaveTextAsync("Plateau à dégager", Live);
        await Assertions.Expect(page.Locator("button[data-action=BedCleared]")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await AssertFitsPhoneAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "configured-octoprint-04-bed-cleared-fr-390");
        Assert.Single(machine.PrintsStarted);
        foreach (var action in new[] { "PrinterPause", "PrinterResume", "PrinterCancel", "PrinterBedCleared" })
        {
            Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND target = '{PrinterId}' AND user_email = '{OwnerEmail}'"));
        }
    }

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

    private static async Task ConfirmAsync(IPage page, string action)
    {
        var form = page.Locator($"form.action:has(button[data-action={action}])");
        await form.Locator("input[name=confirm]").CheckAsync();
        await form.Locator("button").ClickAsync();
    }

    /// <summary>The page reloads itself when the printer's state changes, so a measure cut off by a reload is taken again.</summary>
    private static async Task AssertFitsPhoneAsync(IPage page)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.WaitForLoadStateAsync(LoadState.Load);
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "the printer page is wider than 390 px");
                return;
            }
            catch (PlaywrightException ex) when (attempt < 5 && ex.Message.Contains("context was destroyed", StringComparison.Ordinal))
            {
            }
        }
    }
}
