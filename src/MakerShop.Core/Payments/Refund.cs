namespace MakerShop.Core;

/// <summary>
/// Money going back for one confirmed payment, always its whole amount. It is stored as Requested before the provider
/// is asked, with its id and attempt as the provider's idempotency key, so a double click, a lost answer or a crash in
/// between never pays back twice and never forgets that a refund was started. Only a known refusal starts a new attempt:
/// asking again under the same key would just replay the provider's stored refusal.
/// </summary>
public sealed class Refund
{
    private const string Entity = "Refund";

    private Refund(string id, string orderId, string paymentId, string provider, Money amount, RefundStatus status,
        string? providerReference, DateTimeOffset createdAt, DateTimeOffset? settledAt, string? note, int attempt)
    {
        if (attempt < 1)
        {
            throw new DomainValidationException("attempt", "A refund's attempt counts from 1.");
        }

        Id = id;
        Attempt = attempt;
        OrderId = orderId;
        PaymentId = paymentId;
        Provider = provider;
        Amount = amount;
        Status = status;
        ProviderReference = providerReference;
        CreatedAt = createdAt;
        SettledAt = settledAt;
        Note = note;
    }

    public string Id { get; }

    public string OrderId { get; }

    /// <summary>1 for the first request to the provider; one more for each retry after a refusal.</summary>
    public int Attempt { get; private set; }

    /// <summary>What the provider is told so that a repeated request for this attempt is recognised as the same.</summary>
    public string IdempotencyKey => Attempt == 1 ? Id : $"{Id}:{Attempt}";

    public string PaymentId { get; }

    public string Provider { get; }

    public Money Amount { get; }

    public RefundStatus Status { get; private set; }

    /// <summary>The provider's id for the refund (Stripe's re_…), once it has one.</summary>
    public string? ProviderReference { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset? SettledAt { get; private set; }

    /// <summary>The provider's refusal, or the owner's note on a payout (e.g. the bank's transfer reference).</summary>
    public string? Note { get; private set; }

    public bool IsSettled => Status == RefundStatus.Completed;

    /// <summary>A refund of the whole of a confirmed payment.</summary>
    public static Refund For(string id, Payment payment, DateTimeOffset at)
    {
        Guard.NotBlank(id, "refundId", "A refund id");
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.Status != PaymentStatus.Confirmed)
        {
            throw new InvalidTransitionException("Payment", payment.Id, payment.Status.ToString(), nameof(PaymentStatus.Refunded), "only a confirmed payment is refunded");
        }

        return new Refund(id, payment.OrderId, payment.Id, payment.Provider, payment.Amount, RefundStatus.Requested, null, at, null, null, 1);
    }

    public static Refund Restore(string id, string orderId, string paymentId, string provider, Money amount, RefundStatus status,
        string? providerReference, DateTimeOffset createdAt, DateTimeOffset? settledAt, string? note, int attempt = 1) =>
        new(id, orderId, paymentId, provider, amount, status, providerReference, createdAt, settledAt, note, attempt);

    /// <summary>The provider paid it back (Stripe's refund succeeded). False when it already had.</summary>
    public bool Accept(string providerReference, DateTimeOffset at)
    {
        Guard.NotBlank(providerReference, "providerReference", "The provider's refund id");
        if (Status == RefundStatus.Completed)
        {
            return false;
        }

        Require(RefundStatus.Completed, RefundStatus.Requested, RefundStatus.Sent);
        ProviderReference = providerReference;
        return Settle(null, at);
    }

    /// <summary>
    /// The provider took it but has not moved the money yet (Stripe: pending, requires_action): not settled; its
    /// webhook says later whether it succeeded or failed. False when it was already sent.
    /// </summary>
    public bool MarkSent(string providerReference)
    {
        Guard.NotBlank(providerReference, "providerReference", "The provider's refund id");
        if (Status == RefundStatus.Sent)
        {
            return false;
        }

        Require(RefundStatus.Sent, RefundStatus.Requested);
        ProviderReference = providerReference;
        Status = RefundStatus.Sent;
        return true;
    }

    /// <summary>No provider pays it back by itself: the owner has to send the money and say so.</summary>
    public bool AwaitPayout()
    {
        if (Status == RefundStatus.AwaitingPayout)
        {
            return false;
        }

        Require(RefundStatus.AwaitingPayout, RefundStatus.Requested);
        Note = "to be paid back by bank transfer";
        Status = RefundStatus.AwaitingPayout;
        return true;
    }

    /// <summary>The owner sent the money back. False when it was already marked.</summary>
    public bool MarkPaidOut(string note, DateTimeOffset at)
    {
        Guard.NotBlank(note, "note", "A note on the payout (e.g. the bank's reference)");
        if (Status == RefundStatus.Completed)
        {
            return false;
        }

        Require(RefundStatus.Completed, RefundStatus.AwaitingPayout);
        return Settle(note.Trim(), at);
    }

    /// <summary>The provider refused it, or a sent refund failed later (Stripe's refund.failed).</summary>
    public void Fail(string reason, DateTimeOffset at)
    {
        Guard.NotBlank(reason, "reason", "The reason");
        Require(RefundStatus.Failed, RefundStatus.Requested, RefundStatus.Sent);
        Status = RefundStatus.Failed;
        Note = reason;
        SettledAt = at;
    }

    /// <summary>
    /// A refused refund is asked for again as a new attempt (a new idempotency key; the provider refused the last one, so
    /// it made nothing under it, and the refund id in its metadata still finds an earlier one that did go through).
    /// </summary>
    public bool Retry()
    {
        if (Status == RefundStatus.Requested)
        {
            return false;
        }

        Require(RefundStatus.Requested, RefundStatus.Failed);
        Attempt++;
        Status = RefundStatus.Requested;
        SettledAt = null;
        return true;
    }

    private bool Settle(string? note, DateTimeOffset at)
    {
        Status = RefundStatus.Completed;
        SettledAt = at;
        Note = note ?? Note;
        return true;
    }

    private void Require(RefundStatus target, params RefundStatus[] from)
    {
        if (!from.Contains(Status))
        {
            throw new InvalidTransitionException(Entity, Id, Status.ToString(), target.ToString());
        }
    }
}
