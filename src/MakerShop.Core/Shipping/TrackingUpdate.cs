namespace MakerShop.Core;

/// <summary>
/// A tracker's current state as one provider reported it: the canonical status, the provider's raw status and detail,
/// and when the provider says this state was observed (used to ignore an older report arriving late).
/// </summary>
public sealed record TrackingUpdate(
    TrackingStatus Status,
    string RawStatus,
    string? RawDetail,
    DateTimeOffset ObservedAt,
    string? Message);
