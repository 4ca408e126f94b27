namespace MakerShop.Core;

/// <summary>
/// What goes on the CN 22 / CN 23 and the commercial invoice for a parcel that crosses a customs border. The IOSS
/// number travels electronically to the carrier and is never printed (a leaked number can be misused).
/// </summary>
public sealed record CustomsDeclaration(
    CustomsForm Form,
    Incoterm Incoterm,
    string ContentsType,
    string OriginCountry,
    string DestinationCountry,
    IReadOnlyList<CustomsLine> Lines,
    string? IossNumber,
    string? EoriNumber,
    string InvoiceNumber,
    DateOnly DeclaredOn,
    IReadOnlyList<string> Notes)
{
    public Currency Currency => Lines[0].UnitValue.Currency;

    public Money TotalValue => Lines.Aggregate(Money.Zero(Currency), (sum, line) => sum + line.LineValue);

    public double TotalNetWeightGrams => Lines.Sum(l => l.LineNetWeightGrams);

    /// <summary>What the consignment weighs on the scale: the parts plus packaging, never less than the parts alone.</summary>
    public double GrossWeightGrams(IReadOnlyList<Parcel> parcels)
    {
        ArgumentNullException.ThrowIfNull(parcels);
        return Math.Max(parcels.Sum(p => p.WeightGrams), TotalNetWeightGrams);
    }

    /// <summary>Distinct 6-digit HS subheadings: the EU's interim flat duty is charged per subheading, not per item.</summary>
    public int TariffLineCount => Lines.Select(l => l.HsCode[..6]).Distinct().Count();
}
