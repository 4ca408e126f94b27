namespace MakerShop.Core;

public enum RefundStatus
{
    /// <summary>Recorded, not yet accepted by the provider (or the call's answer was lost): asking again is safe.</summary>
    Requested,

    /// <summary>
    /// The provider took it but the money has not moved yet (Stripe: pending or requires_action); not settled, so the
    /// order is not Refunded until the provider says it succeeded.
    /// </summary>
    Sent,

    /// <summary>A bank transfer to send back by hand; the owner marks it paid out.</summary>
    AwaitingPayout,

    /// <summary>The provider paid it back (Stripe: succeeded), or the owner paid it out.</summary>
    Completed,

    /// <summary>The provider refused it; the owner may try again.</summary>
    Failed,
}
