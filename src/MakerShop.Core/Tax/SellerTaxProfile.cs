namespace MakerShop.Core;

/// <summary>
/// The shop's registrations, which decide where tax is charged at checkout. Everything here is the owner's
/// configuration: a registration the shop does not hold must never be pretended.
/// </summary>
/// <param name="OssDestinationTaxation">True once the EU-wide €10,000 cross-border threshold is passed (this year or
/// last), so intra-EU sales carry the destination rate through the Union OSS.</param>
/// <param name="IossNumber">Import One-Stop-Shop number: EU VAT collected at checkout on imports up to €150.</param>
/// <param name="UkVatNumber">UK VAT registration: required to sell consignments up to £135 into Great Britain.</param>
/// <param name="AustralianArn">ATO registration: GST collected at checkout on consignments up to A$1,000.</param>
/// <param name="SwissVatRegistered">Registered under the Swiss mail-order rule: 8.1 % charged on every parcel.</param>
/// <param name="DutyEstimates">Destinations (alpha-2) where the shop collects an estimated duty at checkout and ships
/// DDP, with the ad valorem rate to estimate it; everywhere else duties are the customer's, on delivery (DAP).</param>
public sealed record SellerTaxProfile(
    bool OssDestinationTaxation,
    string? IossNumber,
    string? UkVatNumber,
    string? AustralianArn,
    bool SwissVatRegistered,
    IReadOnlyDictionary<string, decimal> DutyEstimates);
