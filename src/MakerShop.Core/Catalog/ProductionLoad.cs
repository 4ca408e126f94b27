namespace MakerShop.Core;

/// <summary>The farm's current backlog: print time still owed to queued and running jobs, and the printers that can
/// work it off.</summary>
public sealed record ProductionLoad(TimeSpan Backlog, int PrintersInService)
{
    /// <summary>When a new job would start if the backlog were shared evenly across the printers in service.</summary>
    public TimeSpan ExpectedWait => PrintersInService <= 0 ? TimeSpan.MaxValue : Backlog / PrintersInService;
}
