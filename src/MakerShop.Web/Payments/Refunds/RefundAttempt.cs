namespace MakerShop.Web.Payments.Refunds;

/// <summary>What the provider said about a refund.</summary>
public abstract record RefundAttempt
{
    private RefundAttempt()
    {
    }

    /// <summary>The provider paid it back (Stripe: succeeded); its id for the refund.</summary>
    public sealed record Accepted(string ProviderReference) : RefundAttempt;

    /// <summary>The provider took it but the money has not moved yet (Stripe: pending, requires_action).</summary>
    public sealed record Pending(string ProviderReference) : RefundAttempt;

    /// <summary>Nobody pays it back automatically: the owner sends the money and marks it paid out.</summary>
    public sealed record ManualPayout : RefundAttempt;

    /// <summary>The provider said no, and why.</summary>
    public sealed record Refused(string Reason) : RefundAttempt;
}
