namespace MakerShop.Core;

/// <summary>What the shop owner decided about a job by hand, which the scheduler must respect.</summary>
public sealed record JobDirectives(string? PinnedPrinterId, bool Held)
{
    public static JobDirectives None { get; } = new(null, false);
}
