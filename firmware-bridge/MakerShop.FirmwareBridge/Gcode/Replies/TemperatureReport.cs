using MakerShop.Contracts.Mqtt;

namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>
/// One heater-state line: readings by heater name ("tool0", "bed", "chamber", "probe", "ambient") and, where the
/// firmware prints them, raw heater PWM values by the same names.
/// </summary>
public sealed record TemperatureReport(IReadOnlyList<HeaterReading> Heaters, IReadOnlyDictionary<string, double> Power)
{
    public HeaterReading? this[string name] => Heaters.FirstOrDefault(h => h.Name == name);
}
