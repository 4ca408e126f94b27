namespace MakerShop.Core;

/// <summary>What the shop owner decided about a job by hand, which the scheduler must respect. <see cref="Priority"/>
/// orders the queue before any deadline rule: higher runs first, 0 leaves the job to the scheduler.</summary>
public sealed record JobDirectives(string? PinnedPrinterId, bool Held, int Priority = 0)
{
    public static JobDirectives None { get; } = new(null, false);
}
