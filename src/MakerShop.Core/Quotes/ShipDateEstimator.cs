namespace MakerShop.Core.Quotes;

/// <summary>
/// When a part ordered now would ship: the queue's remaining print time spread over the printers that can take it,
/// then this part's own print time, then the handling days for post-processing and packing, rounded up to a day.
/// </summary>
public static class ShipDateEstimator
{
    public static DateOnly Estimate(DateTimeOffset now, QueueLoad load, TimeSpan printTime, int handlingDays)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (handlingDays < 0)
        {
            throw new DomainValidationException("handlingDays", "Handling days cannot be negative.");
        }

        var printers = Math.Max(1, load.Printers);
        var wait = load.RemainingPrintTime / printers;
        var done = now + wait + printTime;
        var day = DateOnly.FromDateTime(done.UtcDateTime);
        // A part done during the day ships the next day at the earliest, after handling.
        return day.AddDays(1 + handlingDays);
    }
}
