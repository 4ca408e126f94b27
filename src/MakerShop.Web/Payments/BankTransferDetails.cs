using MakerShop.Core;

namespace MakerShop.Web.Payments;

/// <summary>
/// What a customer needs to pay one order by transfer: the account for the order's currency (none when the owner has
/// not set one up), the exact amount, the reference, the date to pay by, and the EPC payload for a euro account.
/// </summary>
public sealed record BankTransferDetails(BankAccount? Account, Money Amount, string Reference, DateTimeOffset PayBy, string? EpcPayload)
{
    public string? QrSvg => EpcPayload is null ? null : PaymentQrCode.Svg(EpcPayload);
}
