using MakerShop.Core;

namespace MakerShop.Shipping.Tracking;

/// <summary>
/// What a tracking webhook or a poll says about one tracker: which parcel (carrier + tracking number, or the
/// provider's tracker id), its current state from the tracker's own status field, and its scan history.
/// </summary>
public sealed record TrackingNotice(
    string Provider,
    string EventId,
    string? Carrier,
    string TrackingNumber,
    string? TrackerId,
    TrackingUpdate Update,
    IReadOnlyList<TrackingCheckpoint> Checkpoints);
