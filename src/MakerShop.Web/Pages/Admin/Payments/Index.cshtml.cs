using System.Globalization;
using MakerShop.Core;
using MakerShop.Web.Storefront.Currencies;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using MakerShop.Web.Admin;
using MakerShop.Web.Payments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Admin.Payments;

/// <summary>
/// "Payments to confirm": the transfers the shop is waiting for, oldest first, each with a form for what arrived; and
/// what arrived but could not be taken as it is (a different amount or currency, an unknown reference), for the owner to
/// accept or set aside, explicitly and on the audit log.
/// </summary>
public sealed class IndexModel(
    BankReceiptStore receipts,
    PaymentStore payments,
    OrderStore orders,
    BankAccountDirectory accounts,
    BankTransferReceipts transfers,
    AuditTrail audit,
    TimeProvider time,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<PendingTransfer> Pending { get; private set; } = [];

    public IReadOnlyList<ReceiptRow> Open { get; private set; } = [];

    /// <summary>Currencies customers pay in (or wait to pay in) for which they are shown no bank details.</summary>
    public IReadOnlyList<string> MissingAccounts { get; private set; } = [];

    public bool NoAccountAtAll { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Field problems of the "Received" form, for the transfer it was posted for.</summary>
    public string? ProblemFor { get; private set; }

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Message = done;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostReceivedAsync(string paymentId, string? amount, string? currency, string? bookedOn, string? bankReference, CancellationToken cancellationToken)
    {
        if (await payments.GetAsync(paymentId, cancellationToken) is not { Provider: BankTransferProvider.ProviderName } payment)
        {
            return NotFound();
        }

        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        decimal value = 0;
        try
        {
            value = FormNumber.Money(amount, "amount");
            if (value <= 0)
            {
                problems["amount"] = text["Payments.AmountPositive"];
            }
        }
        catch (DomainValidationException)
        {
            problems["amount"] = text["Payments.AmountInvalid", amount ?? ""];
        }

        var code = (currency ?? "").Trim().ToUpperInvariant();
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
        {
            problems["currency"] = text["Payments.CurrencyInvalid", currency ?? ""];
        }

        if (!DateOnly.TryParseExact(bookedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date > Today)
        {
            problems["bookedOn"] = text["Payments.DateInvalid"];
        }

        if (problems.Count > 0)
        {
            (ProblemFor, Problems) = (paymentId, problems);
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            var receipt = await transfers.RecordAsync(payment, value, code, date, bankReference, cancellationToken);
            var words = ReceiptRow.MatchText(text, receipt.Match, Difference(receipt, payment));
            await audit.RecordAsync(HttpContext, "BankTransferReceived", payment.Reference,
                $"{receipt.CurrencyCode} {receipt.Value.ToString(CultureInfo.InvariantCulture)} booked {date:yyyy-MM-dd}, bank reference {bankReference ?? "none"}, for order {payment.OrderId}: {receipt.Match}, {receipt.Status}");
            var message = receipt.Status == ReceiptStatus.Confirmed
                ? text["Payments.ConfirmedMessage", Money(receipt)]
                : text["Payments.AttentionMessage", Money(receipt), words];
            return LocalRedirect("/admin/payments?done=" + Uri.EscapeDataString(message));
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostConfirmAsync(string receiptId, CancellationToken cancellationToken) =>
        await ResolveAsync(receiptId, null, async receipt =>
        {
            var done = await transfers.ConfirmOneAsync(receipt, cancellationToken);
            await audit.RecordAsync(HttpContext, "BankTransferConfirmed", receipt.Reference, $"{Money(receipt)} from statement entry {receipt.BankReference ?? receipt.Id}: {done.Status}");
            return done.Status == ReceiptStatus.Confirmed ? text["Payments.ConfirmedMessage", Money(receipt)] : text["Payments.NotConfirmed"];
        }, cancellationToken);

    public async Task<IActionResult> OnPostAcceptAsync(string receiptId, bool confirm, CancellationToken cancellationToken) =>
        await ResolveAsync(receiptId, confirm, async receipt =>
        {
            await transfers.AcceptAnywayAsync(receipt, cancellationToken);
            await audit.RecordAsync(HttpContext, "BankTransferAccepted", receipt.Reference, $"{Money(receipt)} accepted although {receipt.Match}");
            return text["Payments.AcceptedMessage", Money(receipt)];
        }, cancellationToken);

    public async Task<IActionResult> OnPostDismissAsync(string receiptId, bool confirm, string? note, CancellationToken cancellationToken) =>
        await ResolveAsync(receiptId, confirm, async receipt =>
        {
            await transfers.DismissAsync(receipt, note ?? "", cancellationToken);
            await audit.RecordAsync(HttpContext, "BankTransferSetAside", receipt.Reference ?? receipt.BankReference, $"{Money(receipt)} ({receipt.Match}) set aside: {note}");
            return text["Payments.DismissedMessage", Money(receipt)];
        }, cancellationToken);

    private async Task<IActionResult> ResolveAsync(string receiptId, bool? confirm, Func<BankReceipt, Task<string>> action, CancellationToken cancellationToken)
    {
        if (await receipts.GetAsync(receiptId, cancellationToken) is not { } receipt)
        {
            return NotFound();
        }

        if (confirm == false)
        {
            Error = text["Payments.TickToConfirm"];
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            var message = await action(receipt);
            return LocalRedirect("/admin/payments?done=" + Uri.EscapeDataString(message));
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Pending = await receipts.ListPendingTransfersAsync(BankTransferProvider.ProviderName, cancellationToken);
        var rows = new List<ReceiptRow>();
        foreach (var receipt in await receipts.ListOpenAsync(cancellationToken))
        {
            var payment = receipt.PaymentId is null ? null : await payments.GetAsync(receipt.PaymentId, cancellationToken);
            var order = payment is null ? null : await orders.GetAsync(payment.OrderId, cancellationToken);
            rows.Add(new ReceiptRow(receipt, payment, order, Difference(receipt, payment)));
        }

        Open = rows;
        var list = await accounts.ListAsync(cancellationToken);
        NoAccountAtAll = list.Count == 0;
        MissingAccounts = [.. Pending.Select(p => p.Amount.Currency.Code).Distinct(StringComparer.Ordinal).Where(c => list.All(a => a.Currency.Code != c)).Order(StringComparer.Ordinal)];
    }

    private static Money? Difference(BankReceipt receipt, Payment? payment) =>
        payment is not null && receipt.Amount is { } received && received.Currency == payment.Amount.Currency ? received - payment.Amount : null;

    private static string Money(BankReceipt receipt) =>
        receipt.Amount is { } money ? PriceFormatter.Format(money, CultureInfo.CurrentCulture) : $"{receipt.CurrencyCode} {receipt.Value.ToString(CultureInfo.CurrentCulture)}";
}
