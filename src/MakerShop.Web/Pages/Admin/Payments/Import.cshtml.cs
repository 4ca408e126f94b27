using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using MakerShop.Web.Payments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Admin.Payments;

/// <summary>
/// Bank statement import: the owner uploads the bank's CAMT.053 statement or CAMT.054 notification; each credit is
/// matched by the transfer reference in its text. Exact matches are confirmed together in one click, everything else is
/// listed with the reason. The same file twice changes nothing.
/// </summary>
[RequestSizeLimit(MaxUploadBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes + (64 * 1024))]
public sealed class ImportModel(
    BankReceiptStore receipts,
    PaymentStore payments,
    OrderStore orders,
    BankTransferReceipts transfers,
    AuditTrail audit,
    IStringLocalizer<SharedResource> text,
    ILogger<ImportModel> logger) : PageModel
{
    public const int MaxUploadBytes = 10 * 1024 * 1024;

    public StatementImport? Import { get; private set; }

    public IReadOnlyList<ReceiptRow> Exact { get; private set; } = [];

    public IReadOnlyList<ReceiptRow> ForAHuman { get; private set; } = [];

    public IReadOnlyList<ReceiptRow> Resolved { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? import, string? done, CancellationToken cancellationToken)
    {
        Message = done;
        if (import is not null && !await LoadAsync(import, cancellationToken))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? statement, CancellationToken cancellationToken)
    {
        if (statement is null || statement.Length == 0)
        {
            Error = text["Import.NoFile"];
            return Page();
        }

        if (statement.Length > MaxUploadBytes)
        {
            Error = text["Import.TooLarge", MaxUploadBytes / (1024 * 1024)];
            return Page();
        }

        var name = Path.GetFileName(statement.FileName);
        try
        {
            await using var stream = statement.OpenReadStream();
            var result = await transfers.ImportAsync(stream, name, cancellationToken);
            await audit.RecordAsync(HttpContext, "BankStatementImported", name, $"{result.Kind}: {result.Credits} credit(s), {result.New} new, {result.AlreadyImported} already imported");
            return LocalRedirect($"/admin/payments/import?import={result.ImportId}");
        }
        catch (StatementFormatException ex)
        {
            logger.LogWarning("A statement upload was refused: {Reason}", ex.Message);
            Error = text["Import.Unreadable", ex.Message];
            return Page();
        }
    }

    public async Task<IActionResult> OnPostConfirmAllAsync(string import, CancellationToken cancellationToken)
    {
        if (await receipts.GetImportAsync(import, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var confirmed = await transfers.ConfirmExactMatchesAsync(found.Id, cancellationToken);
        await audit.RecordAsync(HttpContext, "BankStatementConfirmed", found.FileName, $"{confirmed} exact match(es) confirmed");
        return LocalRedirect($"/admin/payments/import?import={found.Id}&done={Uri.EscapeDataString(text["Import.ConfirmedMessage", confirmed])}");
    }

    private async Task<bool> LoadAsync(string importId, CancellationToken cancellationToken)
    {
        Import = await receipts.GetImportAsync(importId, cancellationToken);
        if (Import is null)
        {
            return false;
        }

        var rows = new List<ReceiptRow>();
        foreach (var receipt in await receipts.ListForImportAsync(importId, cancellationToken))
        {
            var payment = receipt.PaymentId is null ? null : await payments.GetAsync(receipt.PaymentId, cancellationToken);
            var order = payment is null ? null : await orders.GetAsync(payment.OrderId, cancellationToken);
            var difference = payment is not null && receipt.Amount is { } received && received.Currency == payment.Amount.Currency ? received - payment.Amount : (Money?)null;
            rows.Add(new ReceiptRow(receipt, payment, order, difference));
        }

        Exact = [.. rows.Where(r => r.Receipt is { Status: ReceiptStatus.Open, Match: CreditMatchKind.Exact })];
        ForAHuman = [.. rows.Where(r => r.Receipt is { Status: ReceiptStatus.Open } && r.Receipt.Match != CreditMatchKind.Exact)];
        Resolved = [.. rows.Where(r => r.Receipt.Status != ReceiptStatus.Open)];
        return true;
    }
}
