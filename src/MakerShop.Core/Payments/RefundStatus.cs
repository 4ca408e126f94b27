namespace MakerShop.Core;

public enum RefundStatus
{
    /// <summary>Recorded, not yet accepted by the provider (or the call's answer was lost): asking again is safe.</summary>
    Requested,

    /// <summary>A bank transfer to send back by hand; the owner marks it paid out.</summary>
    AwaitingPayout,

    /// <summary>The provider accepted it, or the owner paid it out.</summary>
    Completed,

    /// <summary>The provider refused it; the owner may try again.</summary>
    Failed,
}
