namespace MakerShop.Core;

/// <summary>
/// One product on a customs declaration. Unit and line values are both kept because providers disagree on which
/// they want (EasyPost: line totals; Shippo: documented both ways), and the adapters convert explicitly.
/// </summary>
public sealed record CustomsLine(
    string Description,
    int Quantity,
    double UnitNetWeightGrams,
    Money UnitValue,
    string OriginCountry,
    string HsCode,
    string Sku)
{
    public double LineNetWeightGrams => UnitNetWeightGrams * Quantity;

    public Money LineValue => UnitValue.MultiplyBy(Quantity);
}
