namespace MakerShop.Core;

/// <summary>What applying a tracker report did to a shipment.</summary>
public enum TrackingApplyResult
{
    /// <summary>The shipment moved to a new status.</summary>
    StatusChanged,

    /// <summary>Raw status or detail recorded; the shipment status is the same (e.g. an unknown provider status).</summary>
    Recorded,

    /// <summary>Older than the newest report already applied: it arrived late and changes nothing.</summary>
    Stale,

    /// <summary>The shipment already reached a final status that nothing later undoes.</summary>
    AlreadyFinal,
}
