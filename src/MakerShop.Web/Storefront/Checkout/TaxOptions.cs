using MakerShop.Core;

namespace MakerShop.Web.Storefront.Checkout;

#pragma warning disable CA1002, CA2227 // bound from configuration

/// <summary>
/// The shop's tax registrations and the VAT rates it charges, bound from <c>MakerShop:Tax</c>. A registration the shop
/// does not hold stays empty: the checkout then shows import charges as the customer's, never pretends to collect them.
/// </summary>
public sealed class TaxOptions
{
    public const string SectionName = "MakerShop:Tax";

    /// <summary>True once the EU-wide EUR 10,000 cross-border threshold is passed: intra-EU sales carry the destination's VAT (Union OSS).</summary>
    public bool OssDestinationTaxation { get; set; } = true;

    public string? IossNumber { get; set; }

    public string? UkVatNumber { get; set; }

    public string? AustralianArn { get; set; }

    public bool SwissVatRegistered { get; set; }

    /// <summary>Destinations where the shop collects an estimated duty at checkout and ships DDP, with the ad valorem rate.</summary>
    public Dictionary<string, decimal> DutyEstimates { get; set; } = [];

    public List<VatRateOptions> VatRates { get; set; } = [];

    public SellerTaxProfile ToProfile() => new(OssDestinationTaxation, Blank(IossNumber), Blank(UkVatNumber), Blank(AustralianArn), SwissVatRegistered, DutyEstimates);

    public VatRateTable ToTable() => new(VatRates.Select(r => new VatRate(r.Country, r.Rate, r.From, r.To)));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class VatRateOptions
{
    public string Country { get; set; } = "";

    public decimal Rate { get; set; }

    public DateOnly From { get; set; }

    public DateOnly? To { get; set; }
}
