using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Production;

namespace MakerShop.Web.Payments;

/// <summary>
/// The one place a payment becomes money received: the payment is confirmed for exactly its amount, the order moves to
/// Paid and its print jobs are queued, all in one transaction, then the dispatcher is woken.
/// </summary>
public sealed class PaymentConfirmation(
    SqliteConnectionFactory connections,
    ProductionRelease release,
    IDispatchTrigger dispatch,
    TimeProvider time,
    ILogger<PaymentConfirmation> logger)
{
    public async Task<PaymentConfirmationOutcome> ConfirmAsync(string paymentId, Money received, string note, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        int queued;
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            var payment = await PaymentStore.GetAsync(session, paymentId, cancellationToken);
            if (payment is null)
            {
                return PaymentConfirmationOutcome.NotFound;
            }

            if (!payment.Confirm(received, note, now))
            {
                return PaymentConfirmationOutcome.AlreadyConfirmed;
            }

            await PaymentStore.UpdateAsync(session, payment, cancellationToken);
            var order = await OrderStore.GetAsync(session, payment.OrderId, cancellationToken)
                ?? throw new InvalidOperationException($"Payment {payment.Id} belongs to order {payment.OrderId}, which does not exist.");
            if (order.Status != OrderStatus.Placed)
            {
                // Money arrived for an order that was cancelled (or paid twice): keep the money's record, tell the owner.
                await TimelineStore.AddOrderEventAsync(session, order.Id, "PaymentNeedsRefund", $"{payment.Provider} {payment.Reference}: {received} received while the order is {order.Status}", now, cancellationToken);
                await session.CommitAsync(cancellationToken);
                logger.LogWarning("Payment {PaymentId} of {Amount} arrived for order {OrderId} in state {Status}; the owner must refund it", payment.Id, received.ToString(), order.Id, order.Status);
                return PaymentConfirmationOutcome.NeedsRefund;
            }

            order.MarkPaid(now);
            await OrderStore.UpdateStatusAsync(session, order, cancellationToken);
            await TimelineStore.AddOrderEventAsync(session, order.Id, "Paid", $"{payment.Provider} {payment.Reference}", now, cancellationToken);
            var jobs = await release.JobsForAsync(order, now, cancellationToken);
            foreach (var job in jobs)
            {
                await PrintJobStore.InsertAsync(session, job, cancellationToken);
                await TimelineStore.AddJobEventAsync(session, job.Id, null, "Queued", $"unit {job.UnitIndex + 1}, attempt {job.Attempt}", now, cancellationToken);
            }

            await session.CommitAsync(cancellationToken);
            queued = jobs.Count;
            logger.LogInformation("Payment {PaymentId} confirmed; order {OrderId} is paid with {JobCount} print job(s) queued", payment.Id, order.Id, queued);
        }

        // The money is recorded: a caller that hangs up now must not turn that into an error.
        await dispatch.RequestDispatchAsync(CancellationToken.None);
        return PaymentConfirmationOutcome.Confirmed;
    }
}

public enum PaymentConfirmationOutcome
{
    Confirmed,
    AlreadyConfirmed,
    NeedsRefund,
    NotFound,
}
