using System.Text.RegularExpressions;

namespace MakerShop.Core;

/// <summary>Per-country address rules after the public address metadata the reference summarises (§6.1). A country
/// not listed gets the lenient default: street and city required, any postal code accepted, none required.</summary>
public static class AddressFormats
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly Dictionary<string, AddressFormat> Known = new(StringComparer.Ordinal)
    {
        ["US"] = Postal("US", @"\d{5}([ \-]\d{4})?", "95014", region: true, regionLabel: "state"),
        ["CA"] = Postal("CA", @"[ABCEGHJKLMNPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d", "H3Z 2Y7", region: true, regionLabel: "province"),
        // Outward code (area, district) then inward code (sector, unit); GIR 0AA and BFPO are the historic exceptions.
        ["GB"] = Postal("GB", @"GIR ?0AA|BFPO ?\d{1,4}|(?:[A-Z]{1,2}\d[A-Z\d]?|[A-Z]{1,2}\d{2}) ?\d[A-Z]{2}", "EC1Y 8SY"),
        ["DE"] = Postal("DE", @"\d{5}", "26133"),
        ["FR"] = Postal("FR", @"\d{2} ?\d{3}", "33380"),
        ["MC"] = Postal("MC", @"980\d{2}", "98000"),
        ["NL"] = Postal("NL", @"\d{4} ?[A-Z]{2}", "1234 AB"),
        ["BE"] = Postal("BE", @"\d{4}", "1000"),
        ["CH"] = Postal("CH", @"\d{4}", "8001"),
        ["LI"] = Postal("LI", @"94\d{2}", "9490"),
        ["AT"] = Postal("AT", @"\d{4}", "1010"),
        ["AU"] = Postal("AU", @"\d{4}", "2060", region: true, regionLabel: "state"),
        ["ES"] = Postal("ES", @"\d{5}", "28039", region: true, regionLabel: "province"),
        ["IT"] = Postal("IT", @"\d{5}", "00144", region: true, regionLabel: "province"),
        ["PL"] = Postal("PL", @"\d{2}-\d{3}", "00-950"),
        ["PT"] = Postal("PT", @"\d{4}-\d{3}", "2725-079"),
        ["SE"] = Postal("SE", @"\d{3} ?\d{2}", "114 55"),
        ["JP"] = Postal("JP", @"\d{3}-?\d{4}", "154-0023", region: true, regionLabel: "prefecture"),
        ["BR"] = Postal("BR", @"\d{5}-?\d{3}", "40301-110", region: true, regionLabel: "state"),
        // Eircodes: a routing key (letter, two digits, or D6W) and a four-character identifier.
        ["IE"] = new("IE", RequiresCity: true, RequiresRegion: false, RequiresPostalCode: false,
            Pattern(@"(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}"), "A65 F4E2"),
        ["HK"] = new("HK", RequiresCity: false, RequiresRegion: true, RequiresPostalCode: false, null, null, "district"),
        ["AE"] = new("AE", RequiresCity: true, RequiresRegion: false, RequiresPostalCode: false, null, null),
    };

    public static AddressFormat For(string countryCode) =>
        Known.TryGetValue(countryCode, out var format)
            ? format
            : new AddressFormat(countryCode, RequiresCity: true, RequiresRegion: false, RequiresPostalCode: false, null, null);

    private static AddressFormat Postal(string country, string pattern, string example, bool region = false, string regionLabel = "state or province") =>
        new(country, RequiresCity: true, RequiresRegion: region, RequiresPostalCode: true, Pattern(pattern), example, regionLabel);

    private static Regex Pattern(string pattern) => new($"^(?:{pattern})$", Options, MatchTimeout);
}
