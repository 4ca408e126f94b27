using System.Globalization;
using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Notifications;

namespace MakerShop.Web.Payments;

/// <summary>
/// Money seen arriving by transfer, typed in by the owner or imported from a bank statement. Only an exact amount in the
/// order's currency confirms a payment, through <see cref="PaymentConfirmation"/> (the one place an order becomes Paid);
/// anything else is stored, put on the order's timeline and left open for the owner to accept or dismiss, explicitly.
/// </summary>
public sealed class BankTransferReceipts(
    SqliteConnectionFactory connections,
    BankReceiptStore receipts,
    PaymentStore payments,
    OrderStore orders,
    PaymentConfirmation confirmation,
    PaymentReceivedMail mail,
    TimeProvider time,
    ILogger<BankTransferReceipts> logger)
{
    /// <summary>The owner saw this amount arrive for the payment: confirmed at once when exact, else kept open with the difference.</summary>
    public async Task<BankReceipt> RecordAsync(Payment payment, decimal value, string currencyCode, DateOnly bookedOn, string? bankReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var credit = new StatementCredit("", value, currencyCode.Trim().ToUpperInvariant(), bookedOn, Blank(bankReference), null, payment.Reference);
        var match = CreditMatch.For(credit, reference => reference == payment.Reference ? payment : null);
        var receipt = new BankReceipt(Guid.NewGuid().ToString("N"), BankReceipt.FromOwner, null, null, payment.Id, payment.Reference, credit.Value,
            credit.CurrencyCode, bookedOn, credit.BankReference, null, null, match.Kind, ReceiptStatus.Open, time.GetUtcNow());
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            await BankReceiptStore.TryInsertAsync(session, receipt, cancellationToken);
            await NoteOnTimelineAsync(session, receipt, payment, cancellationToken);
            await session.CommitAsync(cancellationToken);
        }

        return receipt.Match == CreditMatchKind.Exact ? await ConfirmAsync(receipt, CancellationToken.None) : receipt;
    }

    /// <summary>Reads a CAMT file and stores each credit once; a credit seen before (this file again, or the next statement) changes nothing.</summary>
    public async Task<StatementImportResult> ImportAsync(Stream file, string fileName, CancellationToken cancellationToken = default)
    {
        var statement = CamtStatementReader.Read(file);
        var keys = statement.Credits.Select(c => c.Key).Distinct(StringComparer.Ordinal).ToList();
        var known = await receipts.FindByEntryKeysAsync(keys, cancellationToken);
        var byReference = new Dictionary<string, Payment?>(StringComparer.Ordinal);
        foreach (var reference in statement.Credits.SelectMany(c => c.References).Distinct(StringComparer.Ordinal))
        {
            var payment = await payments.FindByReferenceAsync(reference, cancellationToken);
            byReference[reference] = payment is { Provider: BankTransferProvider.ProviderName } ? payment : null;
        }

        var now = time.GetUtcNow();
        var importId = Guid.NewGuid().ToString("N");
        var added = 0;
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            var fresh = statement.Credits.Where(c => !known.ContainsKey(c.Key)).DistinctBy(c => c.Key).ToList();
            await BankReceiptStore.InsertImportAsync(session, new StatementImport(importId, fileName, statement.Kind, statement.AccountIban, statement.Credits.Count, fresh.Count, now), cancellationToken);
            foreach (var credit in fresh)
            {
                var match = CreditMatch.For(credit, r => byReference.GetValueOrDefault(r));
                var receipt = BankReceipt.ForCredit(Guid.NewGuid().ToString("N"), importId, credit, match, now);
                if (await BankReceiptStore.TryInsertAsync(session, receipt, cancellationToken))
                {
                    added++;
                    await NoteOnTimelineAsync(session, receipt, match.Payment, cancellationToken);
                }
            }

            await session.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Imported {Kind} statement {ImportId}: {Credits} credit(s), {New} new", statement.Kind, importId, statement.Credits.Count, added);
        return new StatementImportResult(importId, statement.Kind, statement.Credits.Count, added, statement.Credits.Count - added);
    }

    /// <summary>Confirms every exact match of an import still open; returns how many orders were paid.</summary>
    public async Task<int> ConfirmExactMatchesAsync(string importId, CancellationToken cancellationToken = default)
    {
        var confirmed = 0;
        foreach (var receipt in await receipts.ListForImportAsync(importId, cancellationToken))
        {
            if (receipt is { Status: ReceiptStatus.Open, Match: CreditMatchKind.Exact } && (await ConfirmAsync(receipt, cancellationToken)).Status == ReceiptStatus.Confirmed)
            {
                confirmed++;
            }
        }

        return confirmed;
    }

    /// <summary>
    /// The owner takes a different amount or currency as payment in full (a bank fee, a rounding, a customer who paid in
    /// francs). The payment is confirmed for its own amount, with what really arrived in its note and on the timeline.
    /// </summary>
    public async Task<BankReceipt> AcceptAnywayAsync(BankReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.Status != ReceiptStatus.Open || receipt.Match is not (CreditMatchKind.Underpaid or CreditMatchKind.Overpaid or CreditMatchKind.WrongCurrency)
            || receipt.PaymentId is null || await payments.GetAsync(receipt.PaymentId, cancellationToken) is not { Status: PaymentStatus.Pending } payment)
        {
            throw new DomainException("Only an open receipt with a different amount or currency for a transfer still waiting can be accepted.");
        }

        var received = Describe(receipt);
        var outcome = await confirmation.ConfirmAsync(payment.Id, payment.Amount, $"owner accepted {received} received for {payment.Amount}", cancellationToken);
        if (outcome != PaymentConfirmationOutcome.Confirmed)
        {
            throw new DomainException($"The payment was not confirmed: {outcome}.");
        }

        var resolved = receipt.Resolve(ReceiptStatus.Accepted, $"accepted {received} for {payment.Amount}", time.GetUtcNow());
        await receipts.UpdateOpenAsync(resolved, CancellationToken.None);
        await AddOrderEventAsync(payment.OrderId, "PaymentAccepted", $"{received} accepted by the owner as payment of {payment.Amount}", CancellationToken.None);
        await MailAsync(payment.OrderId, payment.Amount, CancellationToken.None);
        return resolved;
    }

    /// <summary>The owner sets a receipt aside: not for an order of ours, or money to send back.</summary>
    public async Task<BankReceipt> DismissAsync(BankReceipt receipt, string note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var resolved = receipt.Resolve(ReceiptStatus.Dismissed, string.IsNullOrWhiteSpace(note) ? "set aside by the owner" : note.Trim(), time.GetUtcNow());
        if (!await receipts.UpdateOpenAsync(resolved, cancellationToken))
        {
            throw new DomainException("This receipt was already resolved.");
        }

        if (receipt.PaymentId is not null && await payments.GetAsync(receipt.PaymentId, cancellationToken) is { } payment)
        {
            await AddOrderEventAsync(payment.OrderId, "PaymentSetAside", $"{Describe(receipt)} received by transfer set aside: {resolved.ResolvedNote}", CancellationToken.None);
        }

        return resolved;
    }

    /// <summary>Confirms one open exact match (from a statement); anything else is refused.</summary>
    public Task<BankReceipt> ConfirmOneAsync(BankReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return receipt is { Status: ReceiptStatus.Open, Match: CreditMatchKind.Exact, PaymentId: not null }
            ? ConfirmAsync(receipt, cancellationToken)
            : throw new DomainException("Only an open receipt of exactly the amount due is confirmed in one click.");
    }

    private async Task<BankReceipt> ConfirmAsync(BankReceipt receipt, CancellationToken cancellationToken)
    {
        var received = Received(receipt);
        var note = $"bank transfer of {received} booked {receipt.BookedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(no date)"}"
            + (receipt.BankReference is { } reference ? $", bank reference {reference}" : "") + $" ({receipt.Source})";
        var outcome = await confirmation.ConfirmAsync(receipt.PaymentId!, received, note, cancellationToken);
        var now = time.GetUtcNow();
        BankReceipt changed = outcome switch
        {
            PaymentConfirmationOutcome.Confirmed => receipt.Resolve(ReceiptStatus.Confirmed, note, now),
            PaymentConfirmationOutcome.NeedsRefund => receipt.Resolve(ReceiptStatus.Confirmed, "money kept on record; the order was no longer waiting, refund it", now),
            // Paid meanwhile (by hand, or another statement): this is a second payment, for the owner to look at.
            _ => receipt with { Match = CreditMatchKind.AlreadyPaid },
        };
        await receipts.UpdateOpenAsync(changed, CancellationToken.None);
        if (outcome == PaymentConfirmationOutcome.Confirmed && await payments.GetAsync(receipt.PaymentId!, CancellationToken.None) is { } payment)
        {
            await MailAsync(payment.OrderId, received, CancellationToken.None);
        }

        return changed;
    }

    private async Task NoteOnTimelineAsync(DbSession session, BankReceipt receipt, Payment? payment, CancellationToken cancellationToken)
    {
        if (payment is null || receipt.Match == CreditMatchKind.Exact)
        {
            return;
        }

        var received = Describe(receipt);
        var detail = receipt.Match switch
        {
            CreditMatchKind.Underpaid => $"{received} received by transfer, {(payment.Amount - receipt.Amount!.Value)} less than the {payment.Amount} due: waiting for the owner",
            CreditMatchKind.Overpaid => $"{received} received by transfer, {(receipt.Amount!.Value - payment.Amount)} more than the {payment.Amount} due: waiting for the owner",
            CreditMatchKind.WrongCurrency => $"{received} received by transfer for {payment.Amount} due in another currency: waiting for the owner",
            _ => $"{received} received by transfer although the order is already paid: waiting for the owner",
        };
        await TimelineStore.AddOrderEventAsync(session, payment.OrderId, "PaymentNeedsAttention", detail, receipt.RecordedAt, cancellationToken);
        logger.LogWarning("Transfer {ReceiptId} for payment {PaymentId} needs the owner: {Match}", receipt.Id, payment.Id, receipt.Match);
    }

    private async Task AddOrderEventAsync(string orderId, string kind, string detail, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await TimelineStore.AddOrderEventAsync(session, orderId, kind, detail, time.GetUtcNow(), cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    private async Task MailAsync(string orderId, Money received, CancellationToken cancellationToken)
    {
        if (await orders.GetAsync(orderId, cancellationToken) is { } order)
        {
            await mail.SendAsync(order, received, cancellationToken);
        }
    }

    private static Money Received(BankReceipt receipt) =>
        receipt.Amount ?? throw new DomainException($"{receipt.CurrencyCode} is not a currency the shop can book.");

    private static string Describe(BankReceipt receipt) =>
        receipt.Amount?.ToString() ?? $"{receipt.CurrencyCode} {receipt.Value.ToString(CultureInfo.InvariantCulture)}";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
