using System.Globalization;
using System.Text;
using MakerShop.Core;
using MakerShop.Shipping.AfterShip;
using MakerShop.Shipping.EasyPost;
using MakerShop.Shipping.Shippo;
using MakerShop.Storage.Stores;
using MakerShop.Web.Shipping;
using MakerShop.Web.Storefront.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Pages.Admin.Shipping;

/// <summary>
/// The fulfilment desk in the owner's words and language: statuses ("Labelled, waiting for the carrier"), carriers by
/// their configured names ("La Poste Colissimo International", never <c>colissimo</c>), services spelled out
/// ("Priority Mail International"), countries by name, weights rounded.
/// </summary>
public sealed class DeskText(IStringLocalizer<SharedResource> t, IOptions<ShippingOptions> options)
{
    public string Status(ShipmentStatus status, DateTimeOffset? handedOverAt = null) =>
        status == ShipmentStatus.LabelCreated && handedOverAt is not null ? t["Desk.Status.HandedOver"] : t["Desk.Status." + status];

    public string Tab(DeskTab tab) => t["Desk.Tab." + tab];

    /// <summary>The carrier's name as configured, found by id or by the provider's spelling of it; else tidied words.</summary>
    public string Carrier(string? carrier)
    {
        if (string.IsNullOrWhiteSpace(carrier))
        {
            return "–";
        }

        var configured = options.Value.Carriers.FirstOrDefault(c =>
            string.Equals(c.Id, carrier, StringComparison.OrdinalIgnoreCase) || string.Equals(c.ProviderCarrier, carrier, StringComparison.OrdinalIgnoreCase));
        return configured is { Name.Length: > 0 } ? configured.Name : Words(carrier);
    }

    public string Service(string service) => Words(service);

    public string Source(string source) => source switch
    {
        "rate-table" => t["Desk.Source.RateTable"],
        "easypost" => "EasyPost",
        "shippo" => "Shippo",
        _ => Words(source),
    };

    public string Country(string code)
    {
        var name = t["Country." + code];
        return name.ResourceNotFound ? new RegionInfo(code).DisplayName : name.Value;
    }

    public static string Grams(double grams) => grams >= 1000
        ? (grams / 1000).ToString("0.## kg", CultureInfo.CurrentCulture)
        : Math.Round(grams).ToString("0 g", CultureInfo.CurrentCulture);

    /// <summary>What a scan means, in words: the provider's status word mapped to the shop's tracking vocabulary.</summary>
    public string Scan(ShipmentEventRecord scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var status = scan.Provider switch
        {
            "easypost" => EasyPostStatusMap.Map(scan.RawStatus),
            "shippo" => ShippoStatusMap.Map(scan.RawStatus, null),
            "aftership" => AfterShipStatusMap.Map(scan.RawStatus),
            _ => TrackingStatus.Unknown,
        };
        return t["Desk.Tracking." + status];
    }

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("g", CultureInfo.CurrentCulture) + " UTC";

    // "la-poste-colissimo" -> "La Poste Colissimo", "PriorityMailInternational" -> "Priority Mail International";
    // an all-capital name (UPS, USPS, DHL) stays as it is.
    private static string Words(string raw)
    {
        if (raw.All(c => !char.IsLetter(c) || char.IsUpper(c)) && !raw.Contains('_', StringComparison.Ordinal) && !raw.Contains('-', StringComparison.Ordinal))
        {
            return raw;
        }

        var text = new StringBuilder();
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c is '-' or '_' or ' ')
            {
                text.Append(' ');
                continue;
            }

            if (i > 0 && char.IsUpper(c) && char.IsLower(raw[i - 1]))
            {
                text.Append(' ');
            }

            text.Append(c);
        }

        return string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.All(char.IsUpper) && w.Length > 1 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
    }
}
