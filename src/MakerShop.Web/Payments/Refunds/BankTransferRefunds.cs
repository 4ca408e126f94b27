using MakerShop.Core;

namespace MakerShop.Web.Payments.Refunds;

/// <summary>A bank transfer is paid back by the owner from the shop's bank; the shop records it and waits for the owner's word.</summary>
public sealed class BankTransferRefunds : IRefundProvider
{
    public string Name => BankTransferProvider.ProviderName;

    public Task<RefundAttempt> RefundAsync(Refund refund, Payment payment, CancellationToken cancellationToken) =>
        Task.FromResult<RefundAttempt>(new RefundAttempt.ManualPayout());
}
