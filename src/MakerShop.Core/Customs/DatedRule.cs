namespace MakerShop.Core;

/// <summary>
/// A tax or customs fact that holds between two dates. These rules changed often in 2025–2026, so each carries its
/// dates and its source, and is re-read before every release (fulfilment.md §0.5, §3).
/// </summary>
public sealed record DatedRule(string Name, DateOnly From, DateOnly? Until, string Source)
{
    public bool AppliesOn(DateOnly date) => date >= From && (Until is null || date < Until);
}
