namespace MakerShop.Storage.Stores;

/// <summary>Every stored fact of a product, as the owner edits it.</summary>
public sealed record ProductDetails
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public long PriceMinor { get; init; }
    public string Currency { get; init; } = "EUR";
    public string HsCode { get; init; } = Core.HsCode.Default;
    public double? NetWeightGrams { get; init; }
    public long LeadTimeDays { get; init; }
    public double PartX { get; init; }
    public double PartY { get; init; }
    public double PartZ { get; init; }
    public long EstimatedPrintSeconds { get; init; }
    public string GcodePath { get; init; } = "";
    public string GcodeSha256 { get; init; } = "";
    public long GcodeSize { get; init; }
    public double? FilamentGrams { get; init; }
    public long RetiredFlag { get; init; }

    public bool Retired => RetiredFlag != 0;
}
