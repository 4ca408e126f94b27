namespace MakerShop.Core;

/// <summary>
/// Money received for a transfer, compared with what was expected. Only <see cref="ReceiptVerdict.Exact"/> confirms a
/// payment by itself; the others are shown to the owner with the difference, never accepted silently.
/// </summary>
public sealed record TransferReceipt(Money Expected, Money Received)
{
    public ReceiptVerdict Verdict =>
        Received.Currency != Expected.Currency ? ReceiptVerdict.WrongCurrency
        : Received.MinorUnits < Expected.MinorUnits ? ReceiptVerdict.Underpaid
        : Received.MinorUnits > Expected.MinorUnits ? ReceiptVerdict.Overpaid
        : ReceiptVerdict.Exact;

    /// <summary>Received minus expected (negative when underpaid); none when the currencies differ.</summary>
    public Money? Difference => Verdict == ReceiptVerdict.WrongCurrency ? null : Received - Expected;
}
