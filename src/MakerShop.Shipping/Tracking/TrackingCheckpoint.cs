namespace MakerShop.Shipping.Tracking;

/// <summary>
/// One scan on a tracker's history. The time is kept as the provider wrote it, because AfterShip checkpoints carry
/// local time with no offset; <see cref="At"/> is set only when an offset or a Z was present.
/// </summary>
public sealed record TrackingCheckpoint(string AtRaw, DateTimeOffset? At, string RawStatus, string? Message, string? Location);
