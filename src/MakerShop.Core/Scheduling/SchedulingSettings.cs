namespace MakerShop.Core;

/// <summary>
/// The owner's scheduling rules. A job with more slack than <see cref="CrossBorderSlack"/> waits for a printer that
/// needs no customs declaration when the fleet has one; with more than <see cref="SwapSlack"/> it waits for one with
/// its filament loaded when any printer has it. Less slack than that, and any printer that meets the hard rules will do.
/// </summary>
public sealed record SchedulingSettings(bool AllowSwaps, TimeSpan SwapTime, TimeSpan CrossBorderSlack, TimeSpan SwapSlack)
{
    public static SchedulingSettings Default { get; } =
        new(AllowSwaps: false, SwapTime: TimeSpan.FromMinutes(15), CrossBorderSlack: TimeSpan.FromHours(36), SwapSlack: TimeSpan.FromHours(12));
}
