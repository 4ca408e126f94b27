using System.Net;
using MakerShop.EndToEnd.Tests.Browser;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.EndToEnd.Tests.Storefront;
using MakerShop.Printers.Http;
using MakerShop.VirtualHttpPrinters.Bambu;

namespace MakerShop.EndToEnd.Tests.Production;

/// <summary>What a maker sees when a Bambu Lab printer restarts, refuses the access code, changes certificate or refuses control.</summary>
public sealed class BambuPrinterRefusalsTests
{
    [Fact]
    public async Task A_restart_mid_print_fails_the_job_and_leaves_the_bed_for_a_person_to_clear()
    {
        await using var farm = await BambuShop.StartAsync(o => { o.PrintDuration = TimeSpan.FromHours(2); o.TimeScale = 60; });
        await farm.ProvisionAsync(autoEject: false);
        var order = await ShopApi.PlaceOrderAsync(farm.Shop.Http, ShopApi.OrderBody(colour: "black"));
        await Eventually.UntilAsync(
            async () => farm.Printer.GcodeState == "RUNNING"
                && await farm.Shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{order}' AND status = 'Printing'") == 1,
            TimeSpan.FromSeconds(60),
            "the job to be printing on the Bambu printer");

        await farm.Printer.RestartAsync();

        await Eventually.UntilAsync(
            async () => await farm.Shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{order}' AND status = 'Failed'") == 1,
            TimeSpan.FromSeconds(60),
            async () => $"the interrupted job to be failed; jobs: {await farm.Shop.TextAsync($"SELECT group_concat(attempt || ':' || status || ':' || COALESCE(failure_reason, ''), ' / ') FROM print_jobs WHERE order_id = '{order}'")}; printer {await farm.PrinterStatusAsync()}; fake {farm.Printer.GcodeState} {string.Join(",", farm.Printer.PrintsStarted)} pushalls {farm.Printer.PushAllsAnswered}/{farm.Printer.PushAllsIgnored}");
        Assert.Equal(HttpPrinterReportTranslator.ForgottenReason, await farm.Shop.TextAsync($"SELECT failure_reason FROM print_jobs WHERE order_id = '{order}' AND status = 'Failed'"));
        await farm.WaitForPrinterAsync(s => s?.StartsWith("NeedsBedClear", StringComparison.Ordinal) == true, "waiting for its bed to be cleared");
        Assert.Single(farm.Printer.PrintsStarted);
    }

    [Fact]
    public async Task A_wrong_access_code_is_shown_to_the_maker_with_what_to_enter()
    {
        await using var farm = await BambuShop.StartAsync();
        await farm.RegisterForMakerAsync("ana", "ana-p1s", "11112222");

        await farm.WaitForPrinterAsync(s => s == "Error|bambu-access-code-refused", "refusing the access code", "ana-p1s");

        var page = await MakerPageAsync(farm, "ana", "ana-p1s");
        Assert.Contains("the printer refuses the access code the shop holds", page, StringComparison.Ordinal);
        Assert.DoesNotContain("11112222", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_printer_presenting_another_certificate_is_refused_with_words_and_sent_no_job()
    {
        await using var farm = await BambuShop.StartAsync();
        await farm.ProvisionAsync();
        await farm.WaitForPrinterAsync(s => s == "Idle|", "idle");

        await farm.ReplaceCertificateAsync();
        await farm.WaitForPrinterAsync(s => s == "Error|bambu-certificate-changed", "refused for its certificate");
        var order = await ShopApi.PlaceOrderAsync(farm.Shop.Http, ShopApi.OrderBody(colour: "black"));

        await Eventually.UntilAsync(
            async () => await farm.Shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{order}' AND status = 'Queued'") == 1,
            TimeSpan.FromSeconds(30),
            "the order's job to be queued");
        Assert.Empty(farm.Printer.PrintsStarted);
        Assert.Empty(Directory.GetFiles(farm.Storage));
        Assert.Equal(0, await farm.Shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE printer_id = '{BambuShop.PrinterId}'"));
    }

    [Fact]
    public async Task Developer_Mode_off_refuses_the_job_which_goes_back_to_the_queue_and_the_maker_page_says_what_to_switch_on()
    {
        await using var farm = await BambuShop.StartAsync(o => { o.DeveloperMode = false; o.Refusal = FakeBambuRefusal.Hms; });
        await farm.RegisterForMakerAsync("ana", "ana-p1s", farm.Printer.AccessCode, colour: "black");
        await farm.WaitForPrinterAsync(s => s == "Idle|", "idle (a P1 says nothing of Developer Mode until refused)", "ana-p1s");

        var order = await ShopApi.PlaceOrderAsync(farm.Shop.Http, ShopApi.OrderBody(colour: "black"));

        await farm.WaitForPrinterAsync(s => s == "Error|bambu-developer-mode-off", "refusing control", "ana-p1s");
        await Eventually.UntilAsync(
            async () => await farm.Shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{order}' AND status = 'Queued'") == 1,
            TimeSpan.FromSeconds(30),
            "the refused job to be back in the queue");
        Assert.Equal(1, farm.Printer.RefusedCommands);
        Assert.Equal("IDLE", farm.Printer.GcodeState);

        var page = await MakerPageAsync(farm, "ana", "ana-p1s");
        Assert.Contains("Settings → LAN Only mode on, then Developer Mode on", page, StringComparison.Ordinal);
    }

    private static async Task<string> MakerPageAsync(BambuShop farm, string maker, string printerId)
    {
        using var visitor = new StorefrontVisitor(farm.Shop);
        await visitor.GetAsync("/account/sign-in");
        using var signedIn = await visitor.PostAsync("/account/sign-in", [new("email", $"{maker}@makers.example"), new("password", MakerSession.Password), new("returnUrl", "/maker")]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var page = await visitor.GetAsync($"/maker/printers/{printerId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return WebUtility.HtmlDecode(visitor.Html);
    }
}
