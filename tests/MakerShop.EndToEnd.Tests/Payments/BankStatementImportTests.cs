using System.Net;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.EndToEnd.Tests.Storefront;

namespace MakerShop.EndToEnd.Tests.Payments;

/// <summary>
/// Money in, through the real host: customers check out by bank transfer and are shown the shop's account (the
/// configuration's, stored as the first-run default) with an EPC QR code; the owner uploads the bank's statement and
/// confirms the exact match in one click; a short payment waits for the owner; the same statement again changes nothing.
/// </summary>
public sealed class BankStatementImportTests : IAsyncLifetime
{
    private const string ShopIban = "DE89370400440532013000";
    private TestShop shop = null!;

    public async Task InitializeAsync() =>
        shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with
        {
            ExtraArgs =
            [
                "--MakerShop:Payments:ConfirmOnPlacement=false",
                "--MakerShop:Payments:BankTransfer:AccountHolder=Atelier Test GmbH",
                "--MakerShop:Payments:BankTransfer:Iban=DE89 3704 0044 0532 0130 00",
                "--MakerShop:Payments:BankTransfer:Bic=COBADEFFXXX",
                "--MakerShop:Payments:BankTransfer:Currency=EUR",
            ],
        });

    public async Task DisposeAsync() => await shop.DisposeAsync();

    [Fact]
    public async Task An_imported_statement_pays_the_exact_transfer_in_one_click_holds_the_short_one_and_changes_nothing_when_imported_again()
    {
        var (exactOrder, exactReference, exactTotal) = await CheckOutByTransferAsync("exact@example.com");
        var (shortOrder, shortReference, shortTotal) = await CheckOutByTransferAsync("short@example.com");
        using var owner = await OwnerSession.SignInAsync(shop);

        await owner.GetAsync("/admin/payments");
        Assert.Contains("Payments to confirm", owner.Html, StringComparison.Ordinal);
        Assert.Contains(exactReference, owner.Html, StringComparison.Ordinal);
        Assert.Contains("Ada Muster", owner.Html, StringComparison.Ordinal);

        var statement = CamtFiles.Statement053(
            ShopIban,
            new CamtFiles.Credit("BANK-0001", exactTotal.ToDecimal(), "EUR", "Ada Muster", $"Order {exactReference.Replace("-", " ", StringComparison.Ordinal)} thank you"),
            new CamtFiles.Credit("BANK-0002", shortTotal.ToDecimal() - 1m, "EUR", "Ada Muster", shortReference),
            new CamtFiles.Credit("BANK-0003", 75m, "EUR", "Makerspace Lyon", "Invoice 2026-118"));
        await owner.GetAsync("/admin/payments/import");
        await owner.FollowAsync(await owner.UploadAsync("/admin/payments/import", "statement", "statement-2026-12-06.xml", statement));
        var review = WebUtility.HtmlDecode(owner.Html);
        Assert.Contains("3 credit(s), 3 new", review, StringComparison.Ordinal);
        Assert.Contains("Confirm all exact matches (1)", review, StringComparison.Ordinal);
        Assert.Contains("short of the amount due", review, StringComparison.Ordinal);
        Assert.Contains("No order reference in the transfer's text.", review, StringComparison.Ordinal);
        Assert.Equal("Placed", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{exactOrder}'"));

        var importId = await shop.TextAsync("SELECT id FROM statement_imports");
        await owner.FollowAsync(await owner.PostAsync("/admin/payments/import?handler=ConfirmAll", [new("import", importId!)]));
        Assert.Contains("1 payment(s) confirmed", WebUtility.HtmlDecode(owner.Html), StringComparison.Ordinal);

        // Paid (or already printing), its job queued once, the customer told, the owner's action audited.
        Assert.NotEqual("Placed", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{exactOrder}'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{exactOrder}'"));
        Assert.Equal(1, await PaymentMailsAsync(exactOrder));
        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'BankStatementConfirmed'"));
        // The short payment is held, with the difference on the order's timeline, and nothing prints.
        Assert.Equal("Placed", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{shortOrder}'"));
        Assert.Equal(0, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{shortOrder}'"));
        Assert.Contains("less than the", await shop.TextAsync($"SELECT detail FROM timeline_events WHERE order_id = '{shortOrder}' AND kind = 'PaymentNeedsAttention'"), StringComparison.Ordinal);

        // The same file again: every entry is known, nothing is stored, confirmed or sent twice.
        await owner.GetAsync("/admin/payments/import");
        await owner.FollowAsync(await owner.UploadAsync("/admin/payments/import", "statement", "statement-2026-12-06.xml", statement));
        Assert.Contains("3 were already imported", WebUtility.HtmlDecode(owner.Html), StringComparison.Ordinal);
        Assert.Contains("No exact match is waiting", WebUtility.HtmlDecode(owner.Html), StringComparison.Ordinal);
        Assert.Equal(3, await shop.CountAsync("SELECT COUNT(*) FROM bank_receipts"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM timeline_events WHERE order_id = '{exactOrder}' AND kind = 'Paid'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{exactOrder}'"));
        Assert.Equal(1, await PaymentMailsAsync(exactOrder));

        // The owner accepts the short payment, but only with the tick; the decision is audited.
        await owner.GetAsync("/admin/payments");
        var shortReceipt = await shop.TextAsync($"SELECT id FROM bank_receipts WHERE reference = '{shortReference}'");
        using (var noTick = await owner.PostAsync("/admin/payments?handler=Accept", [new("receiptId", shortReceipt!)]))
        {
            Assert.Equal(HttpStatusCode.OK, noTick.StatusCode);
            Assert.Contains("Tick the box", WebUtility.HtmlDecode(owner.Html), StringComparison.Ordinal);
            Assert.Equal("Placed", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{shortOrder}'"));
        }

        await owner.FollowAsync(await owner.PostAsync("/admin/payments?handler=Accept", [new("receiptId", shortReceipt!), new("confirm", "true")]));
        Assert.Contains("accepted as payment", WebUtility.HtmlDecode(owner.Html), StringComparison.Ordinal);
        Assert.NotEqual("Placed", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{shortOrder}'"));
        Assert.Equal("Accepted", await shop.TextAsync($"SELECT status FROM bank_receipts WHERE id = '{shortReceipt}'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'BankTransferAccepted' AND target = '{shortReference}'"));
        Assert.Equal(1, await PaymentMailsAsync(shortOrder));
    }

    [Fact]
    public async Task A_malformed_statement_is_refused_with_a_readable_message_and_nothing_is_stored()
    {
        using var owner = await OwnerSession.SignInAsync(shop, "owner2@makershop.example");
        await owner.GetAsync("/admin/payments/import");
        using var refused = await owner.UploadAsync("/admin/payments/import", "statement", "broken.xml", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt>");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Nothing was imported. This file is not well-formed XML", WebUtility.HtmlDecode(owner.Html), StringComparison.Ordinal);

        await owner.GetAsync("/admin/payments/import");
        using var other = await owner.UploadAsync("/admin/payments/import", "statement", "pain.xml", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"/>");
        Assert.Contains("not a CAMT.053 or CAMT.054 file", WebUtility.HtmlDecode(owner.Html), StringComparison.Ordinal);
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM statement_imports"));
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM bank_receipts"));
    }

    [Fact]
    public async Task The_owner_marks_a_transfer_received_by_hand_and_a_wrong_currency_is_held()
    {
        var (orderId, reference, total) = await CheckOutByTransferAsync("by-hand@example.com");
        using var owner = await OwnerSession.SignInAsync(shop, "owner3@makershop.example");
        await owner.GetAsync("/admin/payments");
        var paymentId = await shop.TextAsync($"SELECT id FROM payments WHERE order_id = '{orderId}'");

        await owner.FollowAsync(await owner.PostAsync("/admin/payments?handler=Received",
            [new("paymentId", paymentId!), new("amount", total.ToDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture)), new("currency", "CHF"), new("bookedOn", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), new("bankReference", "ZKB-77")]));
        Assert.Contains("Paid in another currency", WebUtility.HtmlDecode(owner.Html), StringComparison.Ordinal);
        Assert.Equal("Placed", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{orderId}'"));

        await owner.FollowAsync(await owner.PostAsync("/admin/payments?handler=Received",
            [new("paymentId", paymentId!), new("amount", total.ToDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',')), new("currency", "eur"), new("bookedOn", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), new("bankReference", "SEPA-12")]));
        Assert.Contains("the order is paid", WebUtility.HtmlDecode(owner.Html), StringComparison.Ordinal);
        Assert.NotEqual("Placed", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{orderId}'"));
        Assert.Equal(2, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'BankTransferReceived' AND target = '{reference}'"));
        Assert.Equal(1, await PaymentMailsAsync(orderId));
        Assert.DoesNotContain($"data-reference=\"{reference}\"", owner.Html, StringComparison.Ordinal);
    }

    /// <summary>A German customer checks out one cube by bank transfer; the confirmation shows the account and its QR code.</summary>
    private async Task<(string OrderId, string Reference, Money Total)> CheckOutByTransferAsync(string email)
    {
        using var visitor = new StorefrontVisitor(shop);
        await visitor.AddProductAsync("calibration-cube", "PLA|black", 1);
        await visitor.GetAsync("/checkout");
        using var reviewed = await visitor.PostAsync("/checkout?handler=Review", [.. StorefrontVisitor.GermanCustomer(email), .. visitor.CheckoutState()]);
        using var placed = await visitor.PostAsync("/checkout?handler=Place", [.. StorefrontVisitor.GermanCustomer(email), .. visitor.CheckoutState()]);
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        var orderId = placed.Headers.Location!.OriginalString.Split('/', '?')[3];
        using var confirmation = await visitor.GetAsync(placed.Headers.Location!.OriginalString);
        var reference = await shop.TextAsync($"SELECT reference FROM payments WHERE order_id = '{orderId}'");
        var total = Money.FromMinor(await shop.CountAsync($"SELECT amount_minor FROM payments WHERE order_id = '{orderId}'"), Currency.Eur);

        Assert.Contains("DE89 3704 0044 0532 0130 00", visitor.Html, StringComparison.Ordinal);
        Assert.Contains("Atelier Test GmbH", visitor.Html, StringComparison.Ordinal);
        Assert.Contains(reference!, visitor.Html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"payment-qr\"", visitor.Html, StringComparison.Ordinal);
        Assert.Contains("<svg", visitor.Html, StringComparison.Ordinal);

        // The confirmation e-mail carries the same details and the QR code as a PNG.
        // Mails name the order by the number the customer knows it by, not its internal id.
        var number = "MS-" + await shop.CountAsync($"SELECT number FROM orders WHERE id = '{orderId}'");
        var mail = Directory.GetFiles(Path.Combine(shop.Settings.DataDirectory, "mail"), "*.eml").Select(File.ReadAllText).Single(m => m.Contains(number, StringComparison.Ordinal) && m.Contains("IBAN", StringComparison.Ordinal));
        Assert.Contains("IBAN: DE89 3704 0044 0532 0130 00", mail, StringComparison.Ordinal);
        Assert.Contains("payment-qr.png", mail, StringComparison.Ordinal);

        // The order page, opened from the e-mail's private link, shows them too while the money is awaited.
        var link = System.Text.RegularExpressions.Regex.Match(mail, @"http://\S+/orders/" + number + @"\?key=\S+").Value;
        using var orderPage = await visitor.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, orderPage.StatusCode);
        Assert.Contains("DE89 3704 0044 0532 0130 00", visitor.Html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"payment-qr\"", visitor.Html, StringComparison.Ordinal);
        return (orderId, reference!, total);
    }

    /// <summary>The payment e-mails about this order, which name it by its number ("MS-1001").</summary>
    private async Task<int> PaymentMailsAsync(string orderId)
    {
        var number = "MS-" + await shop.CountAsync($"SELECT number FROM orders WHERE id = '{orderId}'");
        return Directory.GetFiles(Path.Combine(shop.Settings.DataDirectory, "mail"), "*.eml").Select(File.ReadAllText)
            .Count(m => System.Text.RegularExpressions.Regex.IsMatch(
                System.Text.RegularExpressions.Regex.Replace(m, @"\r?\n[ \t]+", " "), "Payment received for your order " + System.Text.RegularExpressions.Regex.Escape(number) + @"\b"));
    }
}
