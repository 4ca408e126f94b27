using System.Globalization;
using MakerShop.Core;
using MakerShop.Web.Api.Contracts;
using MakerShop.Web.Makers;
using MakerShop.Web.Storefront.Localization;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Admin.Printers;

/// <summary>
/// A fleet printer in the owner's words and language: its state ("Needs its bed cleared"), rounded temperatures,
/// whole percents, "seen 12 s ago". The live script gets the same words (<see cref="ForScript"/>) so both agree.
/// </summary>
public sealed class FleetText(IStringLocalizer<SharedResource> t)
{
    public string State(PrinterStatus status) => t["Fleet.State." + status];

    public string StateLine(FleetPrinter printer)
    {
        ArgumentNullException.ThrowIfNull(printer);
        var words = StatusWords.PrinterLine(t, printer.Status.ToString(), printer.Printer.CurrentJobId, printer.Printer.StatusReason);

        return printer.Printer.InService ? words : $"{words} · {t["Fleet.OutOfService"]}";
    }

    public string Maker(FleetPrinter printer)
    {
        ArgumentNullException.ThrowIfNull(printer);
        return printer.ShopOwned ? t["Fleet.ShopOwn"] : printer.MakerName ?? printer.Printer.MakerId;
    }

    public string Country(string code)
    {
        var name = t["Country." + code];
        return name.ResourceNotFound ? code : name.Value;
    }

    public string Kind(string kind)
    {
        var name = t["Fleet.Kind." + kind];
        return name.ResourceNotFound ? kind : name.Value;
    }

    /// <summary>"214 °C", or "214 °C → 215 °C" with its target; a dash when the printer has not reported it.</summary>
    public static string Heater(PrinterResponse printer, string name, bool withTarget = false)
    {
        ArgumentNullException.ThrowIfNull(printer);
        var heater = printer.Heaters.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
        if (heater is null)
        {
            return "–";
        }

        var actual = string.Create(CultureInfo.InvariantCulture, $"{Math.Round(heater.Actual):0} °C");
        return withTarget && heater.Target is double target && target > 0 ? string.Create(CultureInfo.InvariantCulture, $"{actual} → {Math.Round(target):0} °C") : actual;
    }

    public static int? Percent(PrinterResponse printer) => printer?.Progress is { } p ? (int)Math.Floor(Math.Clamp(p, 0, 1) * 100) : null;

    public string Filament(PrinterResponse printer) =>
        $"{printer?.LoadedMaterial} {ColourName(printer?.LoadedColour ?? "")}".Trim();

    public string ColourName(string colour) => t.Colour(colour);

    public string Seen(DateTimeOffset? lastSeen, DateTimeOffset now)
    {
        if (lastSeen is not { } at)
        {
            return t["Fleet.Seen.Never"];
        }

        var ago = now - at < TimeSpan.Zero ? TimeSpan.Zero : now - at;
        return ago.TotalSeconds < 60 ? t["Fleet.Seen.Seconds", (int)ago.TotalSeconds]
            : ago.TotalMinutes < 60 ? t["Fleet.Seen.Minutes", (int)ago.TotalMinutes]
            : ago.TotalHours < 48 ? t["Fleet.Seen.Hours", (int)ago.TotalHours]
            : t["Fleet.Seen.Days", (int)ago.TotalDays];
    }

    /// <summary>The end time in UTC for the page as sent; the script shows it in the reader's own time zone.</summary>
    public string Eta(DateTimeOffset end) => t["Fleet.Eta", end.UtcDateTime.ToString("t", CultureInfo.CurrentCulture) + " UTC"];

    /// <summary>"14:32 UTC": the end time alone, where the label already says what it is.</summary>
    public static string EndTime(DateTimeOffset end) => end.UtcDateTime.ToString("t", CultureInfo.CurrentCulture) + " UTC";

    public string OrderOf(string customer) => t["Fleet.OrderOf", customer];

    /// <summary>Everything the live script writes on a card, in the page's language.</summary>
    public IReadOnlyDictionary<string, string> ForScript(IEnumerable<string> countries, IEnumerable<string> colours)
    {
        var words = new Dictionary<string, string>(StatusWords.PrinterLineWords(t), StringComparer.Ordinal);

        foreach (var key in new[] { "OutOfService", "ShopOwn", "Nozzle", "Bed", "OrderOf", "NoJob", "Eta", "Seen.Never", "Seen.Seconds", "Seen.Minutes", "Seen.Hours", "Seen.Days", "NoMatch" })
        {
            words[key] = t["Fleet." + key];
        }

        foreach (var code in countries.Distinct(StringComparer.Ordinal))
        {
            words["country." + code] = Country(code);
        }

        foreach (var colour in colours.Distinct(StringComparer.Ordinal))
        {
            words["colour." + colour] = ColourName(colour);
        }

        return words;
    }
}
