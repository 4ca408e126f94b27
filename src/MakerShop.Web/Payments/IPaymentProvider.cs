using MakerShop.Core;

namespace MakerShop.Web.Payments;

/// <summary>A way to collect an order's total. Only a confirmed payment moves an order to Paid; providers never do it
/// themselves, they report to <see cref="PaymentConfirmation"/>.</summary>
public interface IPaymentProvider
{
    /// <summary>The short name stored with each payment ("bank-transfer", "stripe").</summary>
    string Name { get; }

    Task<PaymentStart> StartAsync(Payment payment, Order order, Uri returnUrl, CancellationToken cancellationToken);
}
