using MakerShop.Core;

namespace MakerShop.Web.Payments.Refunds;

/// <summary>Sends a refund's money back through the provider that collected the payment.</summary>
public interface IRefundProvider
{
    /// <summary>The provider's short name, as stored with each payment ("bank-transfer", "stripe").</summary>
    string Name { get; }

    /// <summary>
    /// Asks the provider to pay the refund back. Safe to call again for the same refund: the refund's id is the
    /// provider's idempotency key. A refusal is a result; a provider that cannot be reached throws.
    /// </summary>
    Task<RefundAttempt> RefundAsync(Refund refund, Payment payment, CancellationToken cancellationToken);
}
