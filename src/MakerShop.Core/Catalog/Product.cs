namespace MakerShop.Core;

/// <summary>A catalog item printed to order from one stored G-code file.</summary>
public sealed record Product(
    string Id,
    string Name,
    string Description,
    Money Price,
    Size3 PartSize,
    TimeSpan EstimatedPrintTime,
    StoredGcode Gcode,
    IReadOnlyList<MaterialOption> Materials,
    int LeadTimeDays)
{
    /// <summary>The customs tariff number, digits only; 3926.90 ("other articles of plastics") unless set.</summary>
    public string HsCode { get; init; } = Core.HsCode.Default;

    /// <summary>What one printed unit weighs, when measured; otherwise fulfilment estimates it from the G-code.</summary>
    public double? NetWeightGrams { get; init; }

    /// <summary>Taken off the storefront by the owner: no longer sold, still named by the orders that bought it.</summary>
    public bool Retired { get; init; }

    public MaterialOption? FindMaterial(string material, string colour) =>
        Materials.FirstOrDefault(m => m.Matches(material, colour));
}
