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
    public MaterialOption? FindMaterial(string material, string colour) =>
        Materials.FirstOrDefault(m => m.Matches(material, colour));
}
