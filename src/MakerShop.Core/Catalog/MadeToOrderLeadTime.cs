namespace MakerShop.Core;

/// <summary>
/// Nothing is in stock: a part ships once the queue ahead of it is printed, it is printed, and it is packed. The
/// estimate is whole days, never earlier than the product's own minimum lead time.
/// </summary>
public static class MadeToOrderLeadTime
{
    /// <summary>A day for packing, labelling and the carrier's pick-up.</summary>
    public static readonly TimeSpan Handling = TimeSpan.FromDays(1);

    public static DateOnly ShipDate(ProductionLoad load, TimeSpan printTime, int minimumDays, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (printTime < TimeSpan.Zero)
        {
            throw new DomainValidationException("printTime", "A print time cannot be negative.");
        }

        if (minimumDays < 0)
        {
            throw new DomainValidationException("minimumDays", "A lead time cannot be negative.");
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var earliest = today.AddDays(minimumDays);
        if (load.PrintersInService <= 0)
        {
            // No printer can take the job: the minimum is the only honest promise, and the page says the farm is down.
            return earliest;
        }

        var ready = now + load.ExpectedWait + printTime + Handling;
        var readyDay = DateOnly.FromDateTime(ready.UtcDateTime);
        // A part ready in the middle of a day ships at the end of that day, so the date is the day it is ready on.
        return readyDay > earliest ? readyDay : earliest;
    }
}
