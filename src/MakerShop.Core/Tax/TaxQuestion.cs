namespace MakerShop.Core;

/// <summary>
/// What the checkout knows when it asks for tax: where the parcel leaves from (where it is printed), where it goes,
/// the goods' intrinsic value (without transport, as the thresholds are defined), shipping charged, the number of
/// distinct tariff lines, and the tax point date.
/// </summary>
public sealed record TaxQuestion(
    string ShipFromCountry,
    string DestinationCountry,
    string? DestinationPostalCode,
    Money Goods,
    Money Shipping,
    int TariffLines,
    DateOnly TaxPoint);
