namespace MakerShop.Core;

/// <summary>
/// Money seen arriving by bank transfer, from a statement or typed in by the owner, and what became of it. It is only
/// ever resolved once: confirmed (exact), accepted (the owner's explicit decision on a different amount) or dismissed.
/// </summary>
public sealed record BankReceipt(
    string Id,
    string Source,
    string? EntryKey,
    string? ImportId,
    string? PaymentId,
    string? Reference,
    decimal Value,
    string CurrencyCode,
    DateOnly? BookedOn,
    string? BankReference,
    string? DebtorName,
    string? Remittance,
    CreditMatchKind Match,
    ReceiptStatus Status,
    DateTimeOffset RecordedAt,
    DateTimeOffset? ResolvedAt = null,
    string? ResolvedNote = null)
{
    public const string FromStatement = "statement";
    public const string FromOwner = "owner";

    public Money? Amount => new StatementCredit("", Value, CurrencyCode, null, null, null, "").Amount;

    public static BankReceipt ForCredit(string id, string importId, StatementCredit credit, CreditMatch match, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(credit);
        ArgumentNullException.ThrowIfNull(match);
        return new BankReceipt(id, FromStatement, credit.Key, importId, match.Payment?.Id, match.Reference, credit.Value, credit.CurrencyCode,
            credit.BookedOn, credit.BankReference, credit.DebtorName, credit.Remittance, match.Kind, ReceiptStatus.Open, at);
    }

    /// <summary>Closes an open receipt; refuses one that was already resolved (a second click, another tab).</summary>
    public BankReceipt Resolve(ReceiptStatus status, string note, DateTimeOffset at)
    {
        if (Status != ReceiptStatus.Open)
        {
            throw new InvalidTransitionException("BankReceipt", Id, Status.ToString(), status.ToString(), "it was already resolved");
        }

        if (status == ReceiptStatus.Open)
        {
            throw new ArgumentOutOfRangeException(nameof(status), "A receipt is resolved to confirmed, accepted or dismissed.");
        }

        return this with { Status = status, ResolvedAt = at, ResolvedNote = note };
    }
}
