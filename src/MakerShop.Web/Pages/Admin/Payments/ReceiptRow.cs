using System.Globalization;
using MakerShop.Core;
using MakerShop.Web.Storefront.Currencies;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Admin.Payments;

/// <summary>A receipt with the order it names, for the owner's tables.</summary>
public sealed record ReceiptRow(BankReceipt Receipt, Payment? Payment, Order? Order, Money? Difference)
{
    public bool CanAccept => Receipt.Match is CreditMatchKind.Underpaid or CreditMatchKind.Overpaid or CreditMatchKind.WrongCurrency
        && Payment is { Status: PaymentStatus.Pending } && Receipt.Amount is not null;

    public string Amount(CultureInfo culture) =>
        Receipt.Amount is { } money ? PriceFormatter.Format(money, culture) : $"{Receipt.CurrencyCode} {Receipt.Value.ToString(culture)}";

    /// <summary>Why the receipt is where it is, in the owner's words.</summary>
    public static string MatchText(IStringLocalizer text, CreditMatchKind match, Money? difference)
    {
        ArgumentNullException.ThrowIfNull(text);
        var culture = CultureInfo.CurrentCulture;
        return match switch
        {
            CreditMatchKind.Exact => text["Match.Exact"],
            CreditMatchKind.NoReference => text["Match.NoReference"],
            CreditMatchKind.UnknownReference => text["Match.UnknownReference"],
            CreditMatchKind.Underpaid => text["Match.Underpaid", difference is { } d ? PriceFormatter.Format(Money.FromMinor(-d.MinorUnits, d.Currency), culture) : ""],
            CreditMatchKind.Overpaid => text["Match.Overpaid", difference is { } o ? PriceFormatter.Format(o, culture) : ""],
            CreditMatchKind.WrongCurrency => text["Match.WrongCurrency"],
            _ => text["Match.AlreadyPaid"],
        };
    }
}
