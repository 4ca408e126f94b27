using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using MakerShop.Core;

namespace MakerShop.Web.Storefront.Currencies;

/// <summary>Reads the ECB's daily reference-rate XML: the inner Cube elements, in the eurofxref namespace, carry the
/// publication date and one rate per currency (units per euro).</summary>
public static class EcbFeedParser
{
    private static readonly XNamespace Eurofxref = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";

    public static async Task<ExchangeRates> ParseAsync(Stream xml, CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings { Async = true, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(xml, settings);
        XDocument document;
        try
        {
            document = await XDocument.LoadAsync(reader, LoadOptions.None, cancellationToken);
        }
        catch (XmlException ex)
        {
            throw new FormatException($"The rate feed is not well-formed XML: {ex.Message}", ex);
        }

        var day = document.Descendants(Eurofxref + "Cube").FirstOrDefault(c => c.Attribute("time") is not null)
            ?? throw new FormatException("The rate feed has no dated Cube element.");
        if (!DateOnly.TryParseExact((string?)day.Attribute("time"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new FormatException($"The rate feed's date '{(string?)day.Attribute("time")}' is not yyyy-MM-dd.");
        }

        var rates = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var cube in day.Elements(Eurofxref + "Cube"))
        {
            var code = (string?)cube.Attribute("currency");
            var text = (string?)cube.Attribute("rate");
            // The feed carries currencies we do not sell in (and ISO may retire some); those are skipped, not fatal.
            if (code is null || text is null || !Currency.TryFromCode(code, out _))
            {
                continue;
            }

            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || rate <= 0m)
            {
                throw new FormatException($"The rate '{text}' for {code} is not a positive number.");
            }

            rates[code] = rate;
        }

        if (rates.Count == 0)
        {
            throw new FormatException("The rate feed lists no currencies.");
        }

        return new ExchangeRates(Currency.Eur, date, rates);
    }
}
