namespace MakerShop.Core;

/// <summary>
/// Everything one scheduling pass decides from: the time, the queue, the fleet and its makers, where each order ships
/// and who prints its other units, what shipping costs, and the owner's rules.
/// </summary>
public sealed record SchedulingSnapshot(
    DateTimeOffset Now,
    IReadOnlyList<PrintJob> QueuedJobs,
    IReadOnlyList<Printer> Printers,
    IReadOnlyList<Maker> Makers,
    IReadOnlyDictionary<string, SchedulingOrder> Orders,
    IShippingEstimates Shipping,
    SchedulingSettings Settings);
