using MakerShop.Web.Storefront.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Shipping;

/// <summary>
/// Carriers and services as people know them: the configured carrier's name ("La Poste Colissimo International") for
/// its id or its tracking provider's slug ("la-poste-colissimo"), and a rate table's zone in words ("Colissimo (EU)").
/// </summary>
public sealed class CarrierWords(IOptions<ShippingOptions> options, IStringLocalizer<SharedResource> t)
{
    public string Carrier(string? carrier)
    {
        if (string.IsNullOrWhiteSpace(carrier))
        {
            return "";
        }

        var known = options.Value.Carriers.FirstOrDefault(c =>
            string.Equals(c.Id, carrier, StringComparison.OrdinalIgnoreCase) || string.Equals(c.ProviderCarrier, carrier, StringComparison.OrdinalIgnoreCase));
        if (known is not null && !string.IsNullOrWhiteSpace(known.Name))
        {
            return known.Name;
        }

        // A carrier a tracking provider reported that the shop has not configured: its slug, made readable.
        return IsSlug(carrier) ? StatusWords.Humanize(carrier) : carrier;
    }

    /// <summary>"Colissimo (eu)" from a rate table reads "Colissimo (EU)"; a service name without a zone is kept.</summary>
    public string Service(string? service)
    {
        if (string.IsNullOrWhiteSpace(service))
        {
            return "";
        }

        var open = service.LastIndexOf('(');
        if (open > 0 && service.EndsWith(')'))
        {
            var zone = service[(open + 1)..^1];
            var words = t["Zone." + zone];
            return $"{service[..open].TrimEnd()} ({(words.ResourceNotFound ? StatusWords.Humanize(zone) : words.Value)})";
        }

        return IsSlug(service) ? StatusWords.Humanize(service) : service;
    }

    private static bool IsSlug(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');
}
