namespace MakerShop.Core;

/// <summary>Which rule of the checkout decision procedure applied; stored with the order so the invoice and the customs
/// declaration tell the same story.</summary>
public enum TaxRegime
{
    Domestic,
    IntraEuHomeRate,
    IntraEuOss,
    EuImportIoss,
    EuImport,
    UkPointOfSale,
    UkImport,
    UsImport,
    AustraliaPointOfSale,
    AustraliaImport,
    SwissRegistered,
    SwissImport,
    Import,
}
