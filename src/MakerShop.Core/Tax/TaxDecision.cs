namespace MakerShop.Core;

/// <summary>
/// The outcome of the checkout tax rules. <see cref="Tax"/> and <see cref="Duties"/> are what the shop charges now;
/// when <see cref="DutiesPaidBy"/> is <see cref="Core.DutiesPaidBy.Customer"/> the customer owes import charges on
/// delivery that the shop does not collect.
/// </summary>
public sealed record TaxDecision(
    TaxRegime Regime,
    string TaxCountry,
    decimal Rate,
    Money Tax,
    Money Duties,
    DutiesPaidBy DutiesPaidBy,
    string Explanation)
{
    /// <summary>"DDP" when the shop pays every import charge, "DAP" when the customer may owe some on delivery; null
    /// when the parcel crosses no customs border.</summary>
    public string? Incoterm => DutiesPaidBy switch
    {
        DutiesPaidBy.Shop => "DDP",
        DutiesPaidBy.Customer => "DAP",
        _ => null,
    };
}
