namespace MakerShop.Core;

/// <summary>
/// Money that came in, as one bank statement entry (or one transaction of a batched entry) reports it. <see cref="Key"/>
/// is the same every time the same entry is read, from this file or from the bank's next statement, so it is stored
/// once. The amount stays as the bank wrote it (<see cref="Value"/>, <see cref="CurrencyCode"/>): a credit in a currency
/// the shop does not sell in is still shown, not dropped.
/// </summary>
public sealed record StatementCredit(
    string Key,
    decimal Value,
    string CurrencyCode,
    DateOnly? BookedOn,
    string? BankReference,
    string? DebtorName,
    string Remittance)
{
    /// <summary>The amount as money, when the currency is one the shop knows.</summary>
    public Money? Amount => Currency.TryFromCode(CurrencyCode, out var currency) && decimal.Round(Value, currency.MinorUnits) == Value
        ? Money.FromDecimal(Value, currency, MidpointRounding.AwayFromZero)
        : null;

    /// <summary>The valid MakerShop references found in the remittance text, in the order written.</summary>
    public IReadOnlyList<string> References => BankTransferReferenceFinder.FindAll(Remittance);
}
