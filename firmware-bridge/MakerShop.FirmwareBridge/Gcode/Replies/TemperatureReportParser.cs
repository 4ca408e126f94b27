using System.Globalization;
using System.Text.RegularExpressions;
using MakerShop.Contracts.Mqtt;

namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>
/// Heater-state lines of Marlin, Prusa, Klipper, RepRapFirmware, Repetier and Smoothieware, by OctoPrint's rules: the
/// first occurrence of a sensor wins; T is dropped when T0 is present (else T is the active tool, taken as tool 0);
/// "/" may have blanks around it or none. Only known sensor keys count (T, Tn, B, C, Prusa's P: PINDA and A: ambient),
/// so an M114 "X:10.00 Y:…" or Prusa's "E:0" (active extruder) never turns into a heater. Heater power comes as
/// "@:127" (active tool), "@0:29", "B@:0", "C@:0", or Smoothieware's "@255" right after the sensor it belongs to.
/// An M114 answer is never a heater report, even where its letters look like one: a line that opens with "X:" is a
/// position, and what follows "Count" names motors (a delta's or CoreXY's "Count A:800 B:1600 C:120", whose B is no bed).
/// </summary>
public static partial class TemperatureReportParser
{
    public static TemperatureReport? TryParse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);

        // Creality's stock 2.0.x sometimes doubled every character ("TT::124.72124.72"): never a reading.
        if (line.Contains("TT::", StringComparison.Ordinal) || line.Contains("BB::", StringComparison.Ordinal))
        {
            return null;
        }

        if (PositionReportParser.StartsLikePosition(line))
        {
            return null;
        }

        var countAt = PositionReportParser.CountIndex(line);
        var scanned = countAt < 0 ? line : line[..countAt];
        var sensors = new Dictionary<string, HeaterReading>(StringComparer.Ordinal);
        var power = new Dictionary<string, double>(StringComparer.Ordinal);
        string? lastSensor = null;
        foreach (Match match in TokenPattern().Matches(scanned))
        {
            if (match.Groups["sensor"].Success)
            {
                var name = HeaterName(match.Groups["sensor"].Value);
                lastSensor = name;
                var actual = Number(match.Groups["actual"]);
                var target = match.Groups["target"].Success ? Number(match.Groups["target"]) : (double?)null;
                sensors.TryAdd(match.Groups["sensor"].Value, new HeaterReading(name, actual, target));
            }
            else
            {
                var owner = match.Groups["index"].Success
                    ? PowerOwner(match.Groups["prefix"].Value, match.Groups["index"].Value)
                    : lastSensor;
                if (owner is not null)
                {
                    power.TryAdd(owner, Number(match.Groups["power"]));
                }
            }
        }

        if (!sensors.Keys.Any(key => key == "B" || key[0] == 'T'))
        {
            return null;
        }

        if (sensors.ContainsKey("T0"))
        {
            // Multi-tool Marlin and Prusa: T repeats the active tool, Tn is the truth. Without T0 (Smoothieware's
            // "T: … T1: …") T is tool 0 itself.
            sensors.Remove("T");
        }

        var readings = sensors.Values.OrderBy(r => r.Name, StringComparer.Ordinal).ToArray();
        return new TemperatureReport(readings, power);
    }

    private static double Number(Group group) => double.Parse(group.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string HeaterName(string sensor) => sensor switch
    {
        "T" => "tool0",
        "B" => "bed",
        "C" => "chamber",
        "P" => "probe",
        "A" => "ambient",
        _ => "tool" + sensor[1..],
    };

    private static string PowerOwner(string prefix, string index) => prefix switch
    {
        "B" => "bed",
        "C" => "chamber",
        _ => "tool" + (index.Length == 0 ? "0" : index),
    };

    // [0-9], not \d: .NET's \d also matches other scripts' digits ("60۸"), which double.Parse then refuses (found by fuzzing).
    [GeneratedRegex(
        @"(?:^|\s)(?:(?<sensor>T[0-9]*|B|C|P|A):\s*(?<actual>-?[0-9]+(?:\.[0-9]+)?)(?:\s*/\s*(?<target>-?[0-9]+(?:\.[0-9]+)?))?|(?<prefix>[BC]?)@(?:(?<index>[0-9]*):)?\s*(?<power>-?[0-9]+(?:\.[0-9]+)?))(?=\s|$)",
        RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
