namespace MakerShop.Core;

/// <summary>
/// What the scheduler needs to know about the order a queued job belongs to: where it ships, and which makers already
/// print (or printed) its other units, so the rest can join them in one parcel.
/// </summary>
public sealed record SchedulingOrder(string OrderId, string DestinationCountry, IReadOnlyList<string> MakerIds);
