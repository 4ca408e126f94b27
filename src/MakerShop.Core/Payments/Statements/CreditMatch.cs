namespace MakerShop.Core;

/// <summary>
/// A statement credit matched (or not) to the pending transfer its remittance names. A credit naming several of our
/// references goes to the first one that is still waiting for money; anything but an exact amount in the right currency
/// is left for the owner.
/// </summary>
public sealed record CreditMatch(CreditMatchKind Kind, Payment? Payment, string? Reference, Money? Difference)
{
    public static CreditMatch For(StatementCredit credit, Func<string, Payment?> findByReference)
    {
        ArgumentNullException.ThrowIfNull(credit);
        ArgumentNullException.ThrowIfNull(findByReference);
        var references = credit.References;
        if (references.Count == 0)
        {
            return new CreditMatch(CreditMatchKind.NoReference, null, null, null);
        }

        var known = references.Select(r => (Reference: r, Payment: findByReference(r))).Where(p => p.Payment is not null).ToList();
        if (known.Count == 0)
        {
            return new CreditMatch(CreditMatchKind.UnknownReference, null, references[0], null);
        }

        var (reference, payment) = known.FirstOrDefault(p => p.Payment!.Status == PaymentStatus.Pending);
        if (payment is null)
        {
            return new CreditMatch(CreditMatchKind.AlreadyPaid, known[0].Payment, known[0].Reference, null);
        }

        if (credit.Amount is not { } received)
        {
            return new CreditMatch(CreditMatchKind.WrongCurrency, payment, reference, null);
        }

        var receipt = new TransferReceipt(payment.Amount, received);
        var kind = receipt.Verdict switch
        {
            ReceiptVerdict.Exact => CreditMatchKind.Exact,
            ReceiptVerdict.Underpaid => CreditMatchKind.Underpaid,
            ReceiptVerdict.Overpaid => CreditMatchKind.Overpaid,
            _ => CreditMatchKind.WrongCurrency,
        };
        return new CreditMatch(kind, payment, reference, receipt.Difference);
    }
}
