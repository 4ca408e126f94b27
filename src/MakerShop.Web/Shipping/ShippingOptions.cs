using MakerShop.Core;
using MakerShop.Shipping.Carriers;
using MakerShop.Shipping.Documents;
using MakerShop.Shipping.Rates;

namespace MakerShop.Web.Shipping;

#pragma warning disable CA1002, CA2227, CA1056 // bound from configuration

/// <summary>Fulfilment settings, bound from <c>MakerShop:Shipping</c> (defaults in config/shipping/shipping.json).</summary>
public sealed class ShippingOptions
{
    public const string SectionName = "MakerShop:Shipping";

    /// <summary>The shop's own return address; a maker abroad ships from their printer's country with the same sender name.</summary>
    public ShipFromOptions ShipFrom { get; set; } = new();

    public PackingOptions Packing { get; set; } = new();

    public CustomsOptions Customs { get; set; } = new();

    /// <summary>The carrier a new shipment is quoted with; must be one of <see cref="Carriers"/>.</summary>
    public string DefaultCarrier { get; set; } = "manual-post";

    public List<CarrierOptions> Carriers { get; set; } = [];

    public List<RateTableOptions> RateTables { get; set; } = [];

    public EasyPostOptions EasyPost { get; set; } = new();

    public ShippoOptions Shippo { get; set; } = new();

    public AfterShipOptions AfterShip { get; set; } = new();

    /// <summary>The largest tracking webhook body accepted (POST /webhooks/{provider}); refused with 413 before it is read.</summary>
    public int WebhookMaxBodyBytes { get; set; } = 512 * 1024;

    /// <summary>How often trackers of carriers without webhooks are polled.</summary>
    public int PollIntervalSeconds { get; set; } = 900;

    public string FontDirectory { get; set; } = DejaVuFontResolver.DefaultDirectory;

    public CarrierOptions? FindCarrier(string id) =>
        Carriers.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));
}

public sealed class ShipFromOptions
{
    public string Name { get; set; } = "MakerShop";
    public string Line1 { get; set; } = string.Empty;
    public string? Line2 { get; set; }
    public string City { get; set; } = string.Empty;
    public string PostalCode { get; set; } = string.Empty;
    public string? Region { get; set; }
    public string CountryCode { get; set; } = "FR";

    /// <summary>Who signs the customs declarations.</summary>
    public string Signer { get; set; } = "MakerShop";

    public Address ToAddress(string? countryCode = null) => new(Name, Line1, Line2, City, PostalCode, Region, countryCode ?? CountryCode);

    /// <summary>
    /// The sender printed on the customs forms: the shop's address when the parcel leaves from the shop's country; for a
    /// parcel a maker sends from another country, the shop's name in that country, never the shop's own street.
    /// </summary>
    public Address SenderFor(string originCountry) =>
        string.Equals(originCountry, CountryCode, StringComparison.OrdinalIgnoreCase)
            ? ToAddress()
            : new Address(Name, string.Empty, null, string.Empty, string.Empty, null, originCountry);
}

public sealed class PackingOptions
{
    public double BoxLengthMm { get; set; } = 250;
    public double BoxWidthMm { get; set; } = 200;
    public double BoxHeightMm { get; set; } = 120;
    public double PackagingGrams { get; set; } = 150;
    public double MaxParcelGrams { get; set; } = 2000;
    public double FilamentDiameterMm { get; set; } = 1.75;

    /// <summary>Used when neither a measured weight nor a readable G-code file exists.</summary>
    public double FallbackUnitGrams { get; set; } = 50;

    public PackingRules ToRules() => new(new Size3(BoxLengthMm, BoxWidthMm, BoxHeightMm), PackagingGrams, MaxParcelGrams);
}

public sealed class CustomsOptions
{
    /// <summary>300 SDR in EUR, the CN 22 ceiling; review with the SDR rate (dated by <see cref="RatesDate"/>).</summary>
    public decimal Cn22MaxValueEur { get; set; } = 350m;

    /// <summary>Units per 1 EUR (ECB convention), for the IOSS EUR 150 and UK GBP 135 tests.</summary>
    public Dictionary<string, decimal> UnitsPerEur { get; set; } = [];

    public DateOnly RatesDate { get; set; } = new(2026, 11, 2);

    public string? IossNumber { get; set; }

    public string? UkVatNumber { get; set; }

    /// <summary>EORI per export territory: "EU" (any member state's EORI), "GB".</summary>
    public Dictionary<string, string> Eori { get; set; } = [];

    public CustomsSettings ToSettings() => new(Cn22MaxValueEur, UnitsPerEur, RatesDate, NullIfBlank(IossNumber), NullIfBlank(UkVatNumber),
        Eori.Where(e => !string.IsNullOrWhiteSpace(e.Value)).ToDictionary(e => e.Key, e => e.Value.Trim()));

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class EasyPostOptions
{
    public Uri BaseUrl { get; set; } = new("https://api.easypost.com");
    public string? ApiKey { get; set; }
    public string? WebhookSecret { get; set; }

    /// <summary>Poll EasyPost trackers from the Quartz job, for an account whose webhooks are not set up.</summary>
    public bool PollTrackers { get; set; }
}

public sealed class ShippoOptions
{
    public Uri BaseUrl { get; set; } = new("https://api.goshippo.com");
    public string? ApiToken { get; set; }
    public string? WebhookSecret { get; set; }
    public string? WebhookToken { get; set; }
    public int SignatureToleranceSeconds { get; set; } = 300;

    /// <summary>Poll Shippo tracks from the Quartz job, for an account whose webhooks are not set up.</summary>
    public bool PollTrackers { get; set; }
}

public sealed class AfterShipOptions
{
    public string? WebhookSecret { get; set; }
}
