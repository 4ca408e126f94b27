namespace MakerShop.Core;

/// <summary>
/// The owner's scheduling rules. A job with more slack than <see cref="CrossBorderSlack"/> waits for a printer that
/// needs no customs declaration when the fleet has one; with more than <see cref="SwapSlack"/> it waits for one with
/// its filament loaded when any printer has it. Less slack than that, and any printer that meets the hard rules will do.
/// Whatever its slack, no job holds out longer than <see cref="MaxHoldOut"/> after it was queued while a printer that
/// could print it stands idle: a better printer that is days away is no reason to keep an idle one idle.
/// </summary>
public sealed record SchedulingSettings(bool AllowSwaps, TimeSpan SwapTime, TimeSpan CrossBorderSlack, TimeSpan SwapSlack)
{
    /// <summary>The longest a job waits for a closer printer, or one with its filament loaded, once it is queued.</summary>
    public TimeSpan MaxHoldOut { get; init; } = TimeSpan.FromHours(12);

    public static SchedulingSettings Default { get; } =
        new(AllowSwaps: false, SwapTime: TimeSpan.FromMinutes(15), CrossBorderSlack: TimeSpan.FromHours(36), SwapSlack: TimeSpan.FromHours(12));
}
