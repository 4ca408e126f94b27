using MakerShop.Core;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Payments;

/// <summary>The default provider, which needs no account anywhere: the customer transfers the total with the payment's
/// reference, and the owner confirms it when it shows on the statement.</summary>
public sealed class BankTransferProvider(IOptions<BankTransferOptions> options) : IPaymentProvider
{
    public const string ProviderName = "bank-transfer";

    public string Name => ProviderName;

    public Task<PaymentStart> StartAsync(Payment payment, Order order, Uri returnUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var account = options.Value;
        return Task.FromResult(new PaymentStart(null, new BankTransferInstructions(
            account.AccountHolder, account.Iban, account.Bic, account.BankName, payment.Reference, account.PayWithinDays)));
    }
}
