using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.Printers.Http;
using MakerShop.Printers.Reports;

namespace MakerShop.Printers.Bambu;

/// <summary>
/// The one place where a Bambu Lab printer's merged <c>print</c> report becomes an <see cref="HttpPrinterObservation"/>,
/// which <see cref="HttpPrinterReportTranslator"/> then turns into the shop's reports like any HTTP printer's.
/// The spools it holds (AMS trays, the external spool) travel with every observation, read from the merged state, so a
/// P1's delta that leaves <c>ams</c> out keeps the trays it last reported.
/// </summary>
public static class BambuReportTranslator
{
    /// <summary>Bit of <c>fun</c> set while the firmware demands signed commands (Developer Mode off).</summary>
    public const long SignatureRequiredBit = 0x20000000;

    public static HttpPrinterObservation Observe(JsonObject print, string? cancelledFile = null, bool controlRefused = false, FilamentNeed? wanted = null)
    {
        ArgumentNullException.ThrowIfNull(print);
        var trays = BambuTrays.Read(print);
        var filament = new PrinterFilament(trays, Still(wanted, trays));
        var state = Text(print["gcode_state"])?.ToUpperInvariant();
        var file = Text(print["subtask_name"]);
        var printError = Number(print["print_error"]) is { } e ? (long)e : 0;
        var hms = HmsCodes(print);
        var reason = Reason(printError, hms);
        var heaters = Heaters(print);
        var (machine, end, settling) = state switch
        {
            "PREPARE" or "SLICING" => (ObservedMachine.Printing, ObservedJobEnd.None, true),
            "RUNNING" => (ObservedMachine.Printing, ObservedJobEnd.None, false),
            "PAUSE" => (ObservedMachine.Paused, ObservedJobEnd.None, false),
            "FINISH" => (ObservedMachine.Ready, ObservedJobEnd.Completed, false),
            "FAILED" => (ObservedMachine.Ready, printError == BambuHms.UserCancelled || (file is not null && file == cancelledFile) ? ObservedJobEnd.Cancelled : ObservedJobEnd.Failed, false),
            "INIT" => (ObservedMachine.Disconnected, ObservedJobEnd.None, false),
            _ => (ObservedMachine.Ready, ObservedJobEnd.None, false),
        };

        // IDLE shows no job: a printer that restarted under a print comes back IDLE, and its print is then lost.
        if (state is null or "IDLE" or "INIT")
        {
            file = null;
        }

        var active = machine is ObservedMachine.Printing or ObservedMachine.Paused;
        if (!active && (controlRefused || RefusesControl(print)))
        {
            return new HttpPrinterObservation(ObservedLink.Answered, ObservedMachine.Error, file, null, null, end, PrinterErrorReasons.BambuDeveloperModeOff, heaters, null)
            {
                Filament = filament,
            };
        }

        var progress = Number(print["mc_percent"]) is { } percent ? Math.Clamp(percent / 100.0, 0, 1) : (double?)null;
        var eta = Number(print["mc_remaining_time"]) is { } minutes && minutes >= 0 ? (int)(minutes * 60) : (int?)null;
        return new HttpPrinterObservation(
            ObservedLink.Answered, machine, file, active || end == ObservedJobEnd.Completed ? progress : null, active ? eta : null,
            end, end == ObservedJobEnd.None ? (hms.Count > 0 ? reason : null) : reason, heaters, null)
        {
            Settling = settling,
            Filament = filament with { Wanted = active ? null : filament.Wanted },
        };
    }

    /// <summary>A need stands until a tray holds it (a print running says someone has dealt with it too).</summary>
    private static FilamentNeed? Still(FilamentNeed? wanted, IReadOnlyList<FilamentTray> trays) =>
        wanted is not null && trays.Any(t => !t.IsExternal && t.Holds(wanted.Material, wanted.Colour)) ? null : wanted;

    /// <summary>
    /// The printer says it refuses control: the <c>fun</c> bit (X1, H2) or the "command verification failed" HMS code
    /// (P1 and A1 send no <c>fun</c>).
    /// </summary>
    public static bool RefusesControl(JsonObject print)
    {
        ArgumentNullException.ThrowIfNull(print);
        if (Text(print["fun"]) is { Length: > 0 } fun
            && long.TryParse(fun, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var bits)
            && (bits & SignatureRequiredBit) != 0)
        {
            return true;
        }

        return HmsCodes(print).Contains(BambuHms.CommandVerificationFailed);
    }

    /// <summary>The report's HMS codes, 16 hex digits each.</summary>
    public static IReadOnlyList<string> HmsCodes(JsonObject print)
    {
        ArgumentNullException.ThrowIfNull(print);
        if (print["hms"] is not JsonArray list)
        {
            return [];
        }

        var codes = new List<string>();
        foreach (var item in list.OfType<JsonObject>())
        {
            if (Number(item["attr"]) is { } attr && Number(item["code"]) is { } code)
            {
                codes.Add(BambuHms.CodeOf((long)attr, (long)code));
            }
        }

        return codes;
    }

    private static string? Reason(long printError, IReadOnlyList<string> hms)
    {
        var parts = hms.Select(BambuHms.Describe).ToList();
        if (printError != 0)
        {
            parts.Insert(0, BambuHms.DescribePrintError(printError));
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static List<HeaterReading> Heaters(JsonObject print)
    {
        var heaters = new List<HeaterReading>();
        if (Number(print["nozzle_temper"]) is { } nozzle)
        {
            heaters.Add(new HeaterReading("tool0", nozzle, Number(print["nozzle_target_temper"])));
        }

        if (Number(print["bed_temper"]) is { } bed)
        {
            heaters.Add(new HeaterReading("bed", bed, Number(print["bed_target_temper"])));
        }

        if (Number(print["chamber_temper"]) is { } chamber)
        {
            heaters.Add(new HeaterReading("chamber", chamber, null));
        }

        return heaters;
    }

    // The firmware writes most numbers as JSON numbers and some (AMS, older versions) as strings.
    internal static double? Number(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture),
        JsonValue value when value.GetValueKind() == JsonValueKind.String
            && double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    internal static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String
        ? value.GetValue<string>()
        : node is JsonValue other && other.GetValueKind() == JsonValueKind.Number ? other.ToJsonString() : null;
}
