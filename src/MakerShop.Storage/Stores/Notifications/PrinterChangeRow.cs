namespace MakerShop.Storage.Stores;

/// <summary>A printer whose status or bed differs from what the relay last saw (Was* null: never seen).</summary>
public sealed class PrinterChangeRow
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string MakerId { get; init; } = "";

    public string Status { get; init; } = "";

    public bool BedClear { get; init; }

    public string? CurrentJobId { get; init; }

    public string? StatusReason { get; init; }

    public string? WasStatus { get; init; }

    public bool? WasBedClear { get; init; }
}
