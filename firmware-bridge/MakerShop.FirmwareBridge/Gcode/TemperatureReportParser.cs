using System.Globalization;
using System.Text.RegularExpressions;
using MakerShop.Contracts.Mqtt;

namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>
/// Reads "T:210.0 /210.0 B:60.0 /60.0 @:0 B@:0" style reports (OctoPrint's rules: first occurrence of a sensor wins,
/// T is dropped when T0 is present, "@:" power fields never match).
/// </summary>
public static partial class TemperatureReportParser
{
    public static IReadOnlyList<HeaterReading>? TryParse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var sensors = new Dictionary<string, HeaterReading>(StringComparer.Ordinal);
        foreach (Match match in SensorPattern().Matches(line))
        {
            var sensor = match.Groups["sensor"].Value;
            var actual = double.Parse(match.Groups["actual"].ValueSpan, CultureInfo.InvariantCulture);
            double? target = match.Groups["target"].Success
                ? double.Parse(match.Groups["target"].ValueSpan, CultureInfo.InvariantCulture)
                : null;
            sensors.TryAdd(sensor, new HeaterReading(HeaterName(sensor), actual, target));
        }

        if (sensors.ContainsKey("T0"))
        {
            sensors.Remove("T");
        }

        return sensors.Count == 0 ? null : [.. sensors.Values.OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    private static string HeaterName(string sensor) => sensor switch
    {
        "T" => "tool0",
        "B" => "bed",
        "C" => "chamber",
        _ => "tool" + sensor[1..],
    };

    [GeneratedRegex(@"(?:^|\s)(?<sensor>B|C|T\d*):\s*(?<actual>-?\d+(?:\.\d+)?)(?:\s*/\s*(?<target>-?\d+(?:\.\d+)?))?", RegexOptions.CultureInvariant)]
    private static partial Regex SensorPattern();
}
