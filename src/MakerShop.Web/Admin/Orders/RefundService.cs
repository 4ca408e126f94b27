using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Payments.Refunds;

namespace MakerShop.Web.Admin.Orders;

/// <summary>
/// The owner refunds an order. An order still being made is cancelled first (its unprinted jobs with it). Each confirmed
/// payment gets one refund row, stored before its provider is asked; what the provider answers is stored next. The
/// order becomes Refunded once every refund is settled: Stripe when its refund succeeded (at once, or later by its
/// refund.updated webhook), a bank transfer when the owner marks it paid out. A double click, a crash or a lost answer in between asks the provider again with the same idempotency
/// key, so no money goes back twice and no started refund is forgotten.
/// </summary>
public sealed class RefundService(
    SqliteConnectionFactory connections,
    OrderCancellationService cancellation,
    IEnumerable<IRefundProvider> providers,
    TimeProvider time,
    ILogger<RefundService> logger)
{
    public async Task<RefundSummary> RefundAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var order = await ReadOrderAsync(orderId, cancellationToken);
        OrderCancellationOutcome? cancelled = null;
        if (order.Status is OrderStatus.Placed or OrderStatus.Paid or OrderStatus.InProduction)
        {
            cancelled = await cancellation.CancelAsync(orderId, cancellationToken);
        }

        var pending = await RecordRefundsAsync(orderId, cancellationToken);
        var problems = new List<string>();
        foreach (var refundId in pending)
        {
            if (await AskProviderAsync(refundId, cancellationToken) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return await SettleOrderAsync(orderId, problems, cancellationToken) with { Cancellation = cancelled };
    }

    /// <summary>The owner sent a bank-transfer refund back; the order is Refunded once nothing else is owed.</summary>
    public async Task<RefundSummary> MarkPaidOutAsync(string orderId, string refundId, string note, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            var refund = await RefundStore.GetAsync(session, refundId, cancellationToken);
            if (refund is null || refund.OrderId != orderId)
            {
                throw new AdminNotFoundException($"refund {refundId} on order {orderId}");
            }

            if (refund.MarkPaidOut(note, now))
            {
                await RefundStore.UpdateAsync(session, refund, cancellationToken);
                await MarkPaymentRefundedAsync(session, refund.PaymentId, cancellationToken);
                await TimelineStore.AddOrderEventAsync(session, orderId, "RefundPaidOut", $"{refund.Amount} paid back by the owner: {refund.Note}", now, cancellationToken);
            }

            await session.CommitAsync(cancellationToken);
        }

        return await SettleOrderAsync(orderId, [], cancellationToken);
    }

    private async Task<Order> ReadOrderAsync(string orderId, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        return await OrderStore.GetAsync(session, orderId, cancellationToken) ?? throw new AdminNotFoundException($"order {orderId}");
    }

    /// <summary>One refund per confirmed payment not yet refunded, and refused ones asked for again; returns those to send.</summary>
    private async Task<IReadOnlyList<string>> RecordRefundsAsync(string orderId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var order = await OrderStore.GetAsync(session, orderId, cancellationToken) ?? throw new AdminNotFoundException($"order {orderId}");
        if (order.Status != OrderStatus.Refunded && !order.CanTransitionTo(OrderStatus.Refunded))
        {
            throw new InvalidTransitionException("Order", order.Id, order.Status.ToString(), nameof(OrderStatus.Refunded),
                order.Status is OrderStatus.Shipped or OrderStatus.Delivered ? "the parcel has left; refund it once it comes back" : null);
        }

        foreach (var paymentId in await RefundStore.UnrefundedPaymentIdsAsync(session, orderId, cancellationToken))
        {
            var payment = await PaymentStore.GetAsync(session, paymentId, cancellationToken) ?? throw new InvalidOperationException($"Payment {paymentId} vanished.");
            var refund = Refund.For("ref_" + Guid.CreateVersion7().ToString("N"), payment, now);
            await RefundStore.InsertAsync(session, refund, cancellationToken);
            await TimelineStore.AddOrderEventAsync(session, orderId, "RefundRequested", $"{refund.Amount} back through {refund.Provider} ({payment.Reference})", now, cancellationToken);
        }

        var refunds = await RefundStore.ListForOrderAsync(session, orderId, cancellationToken);
        foreach (var refused in refunds.Where(r => r.Status == RefundStatus.Failed))
        {
            refused.Retry();
            await RefundStore.UpdateAsync(session, refused, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        return [.. refunds.Where(r => r.Status == RefundStatus.Requested).Select(r => r.Id)];
    }

    /// <summary>Asks the provider and stores its answer; returns what went wrong, if anything, for the owner to read.</summary>
    private async Task<string?> AskProviderAsync(string refundId, CancellationToken cancellationToken)
    {
        Refund refund;
        Payment payment;
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            refund = await RefundStore.GetAsync(session, refundId, cancellationToken) ?? throw new InvalidOperationException($"Refund {refundId} vanished.");
            payment = await PaymentStore.GetAsync(session, refund.PaymentId, cancellationToken) ?? throw new InvalidOperationException($"Payment {refund.PaymentId} vanished.");
        }

        if (refund.Status != RefundStatus.Requested)
        {
            return null;
        }

        var provider = providers.FirstOrDefault(p => p.Name == refund.Provider);
        if (provider is null)
        {
            return $"{refund.Provider} is not set up in this shop, so refund {refund.Id} cannot be sent; it stays requested.";
        }

        RefundAttempt attempt;
        try
        {
            attempt = await provider.RefundAsync(refund, payment, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or global::Stripe.StripeException)
        {
            // Not known whether the provider took it: the refund stays Requested and the next try repeats the same key.
            logger.LogWarning(ex, "Refund {RefundId} through {Provider} got no answer; it stays requested", refund.Id, refund.Provider);
            return $"{refund.Provider} did not answer ({ex.Message}); refund {refund.Id} stays requested, try again.";
        }

        // The provider has answered: its answer is stored even if the owner's request was abandoned meanwhile.
        var now = time.GetUtcNow();
        string? problem = null;
        await using (var session = await DbSession.BeginAsync(connections, CancellationToken.None))
        {
            refund = await RefundStore.GetAsync(session, refundId, CancellationToken.None) ?? throw new InvalidOperationException($"Refund {refundId} vanished.");
            switch (attempt)
            {
                case RefundAttempt.Accepted accepted when refund.Status is RefundStatus.Requested or RefundStatus.Sent:
                    refund.Accept(accepted.ProviderReference, now);
                    await MarkPaymentRefundedAsync(session, refund.PaymentId, CancellationToken.None);
                    await TimelineStore.AddOrderEventAsync(session, refund.OrderId, "RefundSent", $"{refund.Amount} refunded by {refund.Provider} ({accepted.ProviderReference})", now, CancellationToken.None);
                    break;
                case RefundAttempt.Pending pending when refund.Status == RefundStatus.Requested:
                    refund.MarkSent(pending.ProviderReference);
                    await TimelineStore.AddOrderEventAsync(session, refund.OrderId, "RefundPending",
                        $"{refund.Amount} taken by {refund.Provider} ({pending.ProviderReference}), not paid back yet", now, CancellationToken.None);
                    break;
                case RefundAttempt.ManualPayout when refund.Status == RefundStatus.Requested:
                    refund.AwaitPayout();
                    await TimelineStore.AddOrderEventAsync(session, refund.OrderId, "RefundAwaitingPayout", $"{refund.Amount} to transfer back to the customer ({payment.Reference})", now, CancellationToken.None);
                    break;
                case RefundAttempt.Refused refused when refund.Status == RefundStatus.Requested:
                    refund.Fail(refused.Reason, now);
                    problem = $"{refund.Provider} refused refund {refund.Id}: {refused.Reason}";
                    await TimelineStore.AddOrderEventAsync(session, refund.OrderId, "RefundRefused", refused.Reason, now, CancellationToken.None);
                    break;
            }

            await RefundStore.UpdateAsync(session, refund, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        logger.LogInformation("Refund {RefundId} of order {OrderId} through {Provider}: {Status}", refund.Id, refund.OrderId, refund.Provider, refund.Status);
        return problem;
    }

    /// <summary>
    /// The provider's later word on a refund it took (Stripe's refund.updated / refund.failed webhook), found by our
    /// refund id in its metadata: succeeded settles it (and the order when nothing else is owed), failed or canceled
    /// makes it Failed for the owner to retry. Returns what was done, for the event's record.
    /// </summary>
    public async Task<string> ApplyProviderStatusAsync(string refundId, string providerReference, string status, string? reason, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        string outcome;
        string orderId;
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            var refund = await RefundStore.GetAsync(session, refundId, cancellationToken);
            if (refund is null)
            {
                return $"ignored: no refund {refundId}";
            }

            orderId = refund.OrderId;
            switch (status)
            {
                case "succeeded" when refund.Status is RefundStatus.Requested or RefundStatus.Sent:
                    refund.Accept(providerReference, now);
                    await MarkPaymentRefundedAsync(session, refund.PaymentId, cancellationToken);
                    await TimelineStore.AddOrderEventAsync(session, orderId, "RefundSent", $"{refund.Amount} refunded by {refund.Provider} ({providerReference})", now, cancellationToken);
                    outcome = "refund completed";
                    break;
                case "failed" or "canceled" when refund.Status is RefundStatus.Requested or RefundStatus.Sent:
                    var why = $"{refund.Provider} refund {providerReference} {status}: {reason ?? "no reason given"}";
                    refund.Fail(why, now);
                    await TimelineStore.AddOrderEventAsync(session, orderId, "RefundRefused", why, now, cancellationToken);
                    outcome = "refund failed";
                    break;
                default:
                    return $"ignored: refund {refundId} is {refund.Status}, provider says {status}";
            }

            await RefundStore.UpdateAsync(session, refund, cancellationToken);
            await session.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Refund {RefundId} of order {OrderId}: {Outcome} (provider status {ProviderStatus})", refundId, orderId, outcome, status);
        await SettleOrderAsync(orderId, [], cancellationToken);
        return outcome;
    }

    private async Task<RefundSummary> SettleOrderAsync(string orderId, IReadOnlyList<string> problems, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var order = await OrderStore.GetAsync(session, orderId, cancellationToken) ?? throw new AdminNotFoundException($"order {orderId}");
        var refunds = await RefundStore.ListForOrderAsync(session, orderId, cancellationToken);
        if (order.Status != OrderStatus.Refunded && refunds.All(r => r.IsSettled) && order.CanTransitionTo(OrderStatus.Refunded))
        {
            order.Refund(now);
            await OrderStore.UpdateStatusAsync(session, order, cancellationToken);
            await TimelineStore.AddOrderEventAsync(session, orderId, "Refunded",
                refunds.Count == 0 ? "nothing was paid, so nothing goes back" : string.Join(", ", refunds.Select(r => $"{r.Amount} via {r.Provider}")), now, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        return new RefundSummary(order.Status, refunds, problems);
    }

    private static async Task MarkPaymentRefundedAsync(DbSession session, string paymentId, CancellationToken cancellationToken)
    {
        var payment = await PaymentStore.GetAsync(session, paymentId, cancellationToken);
        if (payment is not null && payment.MarkRefunded())
        {
            await PaymentStore.UpdateAsync(session, payment, cancellationToken);
        }
    }
}
