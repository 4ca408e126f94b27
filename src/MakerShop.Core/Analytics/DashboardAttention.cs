namespace MakerShop.Core;

/// <summary>
/// What the owner should do now, counted: each figure is work waiting on a person, and zero means nothing to do.
/// A job is stalled when it has waited for a printer longer than the scheduler may hold one out for a better printer
/// (after that any fitting printer would take it, so the wait means no printer can), when its last attempt failed and
/// no new attempt was made, or when the printer that should print it is in error.
/// </summary>
public sealed record DashboardAttention(
    int PaymentsToConfirm,
    int ReceiptsToCheck,
    DateTimeOffset? OldestPaymentSince,
    int BedsToClear,
    int JobsWaitingTooLong,
    int JobsFailed,
    int PrintersInError,
    int ParcelsToShip,
    DateTimeOffset? OldestParcelSince,
    int TrackingExceptions)
{
    public int JobsStalled => JobsWaitingTooLong + JobsFailed + PrintersInError;
}
