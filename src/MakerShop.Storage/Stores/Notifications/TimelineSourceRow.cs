namespace MakerShop.Storage.Stores;

/// <summary>A timeline entry with what an event about it needs: the order's number and money, the job, printer and parcel.</summary>
public sealed class TimelineSourceRow
{
    public long Id { get; init; }

    public string Kind { get; init; } = "";

    public string? Detail { get; init; }

    public string At { get; init; } = "";

    public string OrderId { get; init; } = "";

    public long? OrderNumber { get; init; }

    public string OrderStatus { get; init; } = "";

    public string Currency { get; init; } = "";

    public long TotalMinor { get; init; }

    public string? JobId { get; init; }

    public int? Attempt { get; init; }

    public int? UnitIndex { get; init; }

    public string? ProductId { get; init; }

    public string? PrinterId { get; init; }

    public string? PrinterName { get; init; }

    public string? MakerId { get; init; }

    public bool AutoEject { get; init; }

    public string? Carrier { get; init; }

    public string? TrackingNumber { get; init; }

    public string? TrackingUrl { get; init; }
}
