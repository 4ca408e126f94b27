namespace MakerShop.Core;

/// <summary>What a statement credit turned out to be. Only <see cref="Exact"/> may be confirmed in one click.</summary>
public enum CreditMatchKind
{
    Exact,
    NoReference,
    UnknownReference,
    Underpaid,
    Overpaid,
    WrongCurrency,
    AlreadyPaid,
}
