namespace MakerShop.Core;

/// <summary>
/// One attempt to collect an order's total through one provider. A payment is confirmed only for exactly the amount
/// and currency it was created for, so a tampered form or a provider event for another amount never marks an order
/// paid.
/// </summary>
public sealed class Payment
{
    private const string Entity = "Payment";

    private Payment(string id, string orderId, string provider, Money amount, string reference, PaymentStatus status,
        string? providerReference, DateTimeOffset createdAt, DateTimeOffset? settledAt, string? note)
    {
        Id = id;
        OrderId = orderId;
        Provider = provider;
        Amount = amount;
        Reference = reference;
        Status = status;
        ProviderReference = providerReference;
        CreatedAt = createdAt;
        SettledAt = settledAt;
        Note = note;
    }

    public string Id { get; }

    public string OrderId { get; }

    /// <summary>The provider's short name ("bank-transfer", "stripe").</summary>
    public string Provider { get; }

    public Money Amount { get; }

    /// <summary>What the customer quotes (a bank transfer's reference) and the shop finds the payment by.</summary>
    public string Reference { get; }

    public PaymentStatus Status { get; private set; }

    /// <summary>The provider's own id for this payment (a Stripe Checkout Session id), once it has one.</summary>
    public string? ProviderReference { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset? SettledAt { get; private set; }

    /// <summary>Who or what settled it: the provider event id, or the owner's note on a bank transfer.</summary>
    public string? Note { get; private set; }

    public static Payment Start(string id, string orderId, string provider, Money amount, string reference, DateTimeOffset at)
    {
        Guard.NotBlank(id, "paymentId", "A payment id");
        Guard.NotBlank(orderId, "orderId", "The order id");
        Guard.NotBlank(provider, "provider", "The payment provider");
        Guard.NotBlank(reference, "reference", "The payment reference");
        if (amount.MinorUnits <= 0)
        {
            throw new DomainValidationException("amount", $"A payment must be for a positive amount, not {amount}.");
        }

        return new Payment(id, orderId, provider, amount, reference, PaymentStatus.Pending, null, at, null, null);
    }

    public static Payment Restore(string id, string orderId, string provider, Money amount, string reference, PaymentStatus status,
        string? providerReference, DateTimeOffset createdAt, DateTimeOffset? settledAt, string? note) =>
        new(id, orderId, provider, amount, reference, status, providerReference, createdAt, settledAt, note);

    public void AttachProviderReference(string providerReference)
    {
        Guard.NotBlank(providerReference, "providerReference", "The provider's payment id");
        if (ProviderReference is not null && ProviderReference != providerReference)
        {
            throw new DomainException($"Payment {Id} already belongs to {ProviderReference} at {Provider}.");
        }

        ProviderReference = providerReference;
    }

    /// <summary>
    /// Confirms the payment for what was actually received. Returns false when it was already confirmed (a provider
    /// re-sending its event), so the caller does nothing twice.
    /// </summary>
    public bool Confirm(Money received, string note, DateTimeOffset at)
    {
        if (Status == PaymentStatus.Confirmed)
        {
            return false;
        }

        if (Status != PaymentStatus.Pending)
        {
            throw new InvalidTransitionException(Entity, Id, Status.ToString(), nameof(PaymentStatus.Confirmed), "only a pending payment is confirmed");
        }

        if (received != Amount)
        {
            throw new DomainException($"Payment {Id} is for {Amount}, but {received} was received; it stays pending for the owner to check.");
        }

        Status = PaymentStatus.Confirmed;
        SettledAt = at;
        Note = note;
        return true;
    }

    /// <summary>Its money went back to the customer in full. False when that was already recorded.</summary>
    public bool MarkRefunded()
    {
        if (Status == PaymentStatus.Refunded)
        {
            return false;
        }

        if (Status != PaymentStatus.Confirmed)
        {
            throw new InvalidTransitionException(Entity, Id, Status.ToString(), nameof(PaymentStatus.Refunded), "only a confirmed payment is refunded");
        }

        // SettledAt stays the day the money came in; the refund keeps its own dates.
        Status = PaymentStatus.Refunded;
        return true;
    }

    public void Fail(string reason, DateTimeOffset at)
    {
        if (Status != PaymentStatus.Pending)
        {
            throw new InvalidTransitionException(Entity, Id, Status.ToString(), nameof(PaymentStatus.Failed), "only a pending payment fails");
        }

        Status = PaymentStatus.Failed;
        SettledAt = at;
        Note = reason;
    }
}
