namespace MakerShop.Core;

/// <summary>How money seen on the bank statement compares with what a transfer was expected to bring.</summary>
public enum ReceiptVerdict
{
    Exact,
    Underpaid,
    Overpaid,
    WrongCurrency,
}
