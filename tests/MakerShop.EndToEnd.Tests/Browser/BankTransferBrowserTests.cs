using System.Text.RegularExpressions;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.EndToEnd.Tests.Payments;
using MakerShop.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

/// <summary>
/// Money in, in the browser: the owner adds the shop's euro account, a customer paying by transfer sees it with a QR
/// code (on a phone too), the owner uploads the bank's statement and confirms the exact match, and the customer's order
/// page shows it paid.
/// </summary>
public sealed class BankTransferBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string OwnerEmail = "owner@makershop.example";
    private const string OwnerPassword = "a long owner passphrase";

    [Fact]
    public async Task The_owner_adds_a_euro_account_the_customer_pays_with_the_qr_code_and_the_statement_import_marks_the_order_paid()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with { ExtraArgs = ["--MakerShop:Payments:ConfirmOnPlacement=false"] });
        await shop.Services.GetRequiredService<AccountService>().CreateAsync(OwnerEmail, "Olivia", UserRole.Owner, null, OwnerPassword, CancellationToken.None);
        var owner = await chromium.NewPageAsync(shop.Http.BaseAddress!, "en-GB,en;q=0.9");
        await owner.GotoAsync("/account/sign-in?returnUrl=" + Uri.EscapeDataString("/admin/settings"));
        await owner.FillAsync("input[name=email]", OwnerEmail);
        await owner.FillAsync("input[name=password]", OwnerPassword);
        await owner.ClickAsync("[data-testid=sign-in-submit]");
        await Assertions.Expect(owner.Locator("[data-testid=bank-accounts] [data-testid=no-bank-account]")).ToBeVisibleAsync();

        // A typo in the IBAN is named by its checksum; nothing is saved.
        var form = owner.Locator("[data-testid=account-form-new]");
        await form.Locator("select[name=currency]").SelectOptionAsync("EUR");
        await form.Locator("input[name=holder]").FillAsync("Atelier Dupont");
        await form.Locator("input[name=iban]").FillAsync("FR14 2004 1010 0505 0001 3M02 607");
        await form.Locator("input[name=bic]").FillAsync("PSSTFRPPPAR");
        await form.Locator("input[name=bankName]").FillAsync("La Banque Postale");
        await form.Locator("[data-action=save-account]").ClickAsync();
        await Assertions.Expect(owner.Locator("[data-testid=account-form-new] [data-field=iban]")).ToContainTextAsync("ISO 13616 checksum");
        await owner.Locator("#bank-accounts").ScrollIntoViewIfNeededAsync();
        await ChromiumBrowser.ScreenshotAsync(owner, "payments-01-settings-iban-typo");

        await owner.Locator("[data-testid=account-form-new] input[name=iban]").FillAsync("FR14 2004 1010 0505 0001 3M02 606");
        await owner.Locator("[data-testid=account-form-new] [data-action=save-account]").ClickAsync();
        await Assertions.Expect(owner.Locator("[data-testid=notice]")).ToContainTextAsync("The EUR account was saved.");
        await Assertions.Expect(owner.Locator("[data-testid=bank-accounts] .account[data-currency=EUR] input[name=iban]")).ToHaveValueAsync("FR14 2004 1010 0505 0001 3M02 606");
        await ChromiumBrowser.ScreenshotAsync(owner, "payments-02-settings-account-saved");
        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'BankAccountSaved' AND target = 'EUR'"));

        // The customer checks out in euros by bank transfer.
        var customer = await chromium.NewPageAsync(shop.Http.BaseAddress!, "en-IE,en;q=0.9");
        await customer.GotoAsync("/products/calibration-cube");
        await customer.SelectOptionAsync("select[name=currency]", "EUR");
        await Assertions.Expect(customer.Locator("select[name=currency]")).ToHaveValueAsync("EUR");
        await customer.ClickAsync("[data-testid=add-to-cart] [data-testid=add]");
        await Assertions.Expect(customer).ToHaveURLAsync(new Regex("/cart$"));
        await customer.ClickAsync("[data-testid=checkout]");
        await customer.FillAsync("[data-testid=field-Name]", "Jean Dupont");
        await customer.FillAsync("[data-testid=field-Email]", "jean@example.com");
        await customer.FillAsync("[data-testid=field-Line1]", "12 rue de la Paix");
        await customer.FillAsync("[data-testid=field-PostalCode]", "75002");
        await customer.FillAsync("[data-testid=field-City]", "Paris");
        await customer.SelectOptionAsync("[data-testid=field-Country]", "FR");
        await Assertions.Expect(customer.Locator("[data-testid=total]")).ToHaveAttributeAsync("data-currency", "EUR");
        await customer.ClickAsync("[data-testid=place-order]");
        await Assertions.Expect(customer).ToHaveURLAsync(new Regex("/checkout/done/ord_"));
        await Assertions.Expect(customer.Locator("[data-testid=iban]")).ToHaveTextAsync("FR14 2004 1010 0505 0001 3M02 606");
        await Assertions.Expect(customer.Locator("[data-testid=holder]")).ToHaveTextAsync("Atelier Dupont");
        await Assertions.Expect(customer.Locator("[data-testid=payment-qr] svg")).ToBeVisibleAsync();
        var reference = await customer.Locator("[data-testid=reference]").InnerTextAsync();
        var orderId = Regex.Match(customer.Url, "ord_[A-Za-z0-9_]+").Value;
        var amount = Money.FromMinor(await shop.CountAsync($"SELECT amount_minor FROM payments WHERE order_id = '{orderId}'"), Currency.Eur);
        await Assertions.Expect(customer.Locator("[data-testid=transfer-amount]")).ToContainTextAsync(amount.ToDecimal().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await ChromiumBrowser.ScreenshotAsync(customer, "payments-03-confirmation-bank-details-qr");
        await customer.SetViewportSizeAsync(390, 844);
        await ChromiumBrowser.ScreenshotAsync(customer, "payments-04-confirmation-phone-390");
        Assert.True(await customer.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "The confirmation is wider than a 390 px phone.");
        await customer.SetViewportSizeAsync(1280, 900);

        // The owner sees it waiting, uploads the bank's statement and confirms the exact match.
        await owner.GotoAsync("/admin/payments");
        await Assertions.Expect(owner.Locator($"[data-testid=pending] tr[data-reference='{reference}']")).ToContainTextAsync("Jean Dupont");
        await ChromiumBrowser.ScreenshotAsync(owner, "payments-05-admin-waiting");
        var file = Path.Combine(Path.GetTempPath(), $"statement-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(file, CamtFiles.Statement053(
            "FR1420041010050500013M02606",
            new CamtFiles.Credit("LBP-20261206-0001", amount.ToDecimal(), "EUR", "Jean Dupont", $"Commande {reference}"),
            new CamtFiles.Credit("LBP-20261206-0002", 50m, "EUR", "Makerspace Lyon", "Facture 2026-118")));
        try
        {
            await owner.ClickAsync("[data-testid=import-link]");
            await owner.SetInputFilesAsync("input[name=statement]", file);
            await owner.ClickAsync("[data-action=import]");
            await Assertions.Expect(owner.Locator("[data-testid=exact]")).ToContainTextAsync(reference);
            await Assertions.Expect(owner.Locator("[data-testid=for-a-human]")).ToContainTextAsync("No order reference in the transfer's text.");
            await ChromiumBrowser.ScreenshotAsync(owner, "payments-06-import-review");
            await owner.SetViewportSizeAsync(390, 844);
            await ChromiumBrowser.ScreenshotAsync(owner, "payments-07-import-review-phone-390");
            Assert.True(await owner.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "The import review is wider than a 390 px phone.");
            await owner.SetViewportSizeAsync(1280, 900);
            await owner.ClickAsync("[data-action=confirm-all]");
            await Assertions.Expect(owner.Locator("[data-testid=notice]")).ToContainTextAsync("1 payment(s) confirmed");
            await ChromiumBrowser.ScreenshotAsync(owner, "payments-08-import-confirmed");
        }
        finally
        {
            File.Delete(file);
        }

        // The customer's order page shows it paid.
        await customer.ClickAsync("[data-testid=order-link]");
        await Assertions.Expect(customer.Locator("[data-testid=order-status]")).Not.ToHaveAttributeAsync("data-status", "Placed");
        await Assertions.Expect(customer.Locator("[data-testid=milestones] li[data-kind=Paid]")).ToHaveCountAsync(1);
        await Assertions.Expect(customer.Locator("[data-testid=bank-transfer]")).ToHaveCountAsync(0);
        await ChromiumBrowser.ScreenshotAsync(customer, "payments-09-order-paid");
    }
}
