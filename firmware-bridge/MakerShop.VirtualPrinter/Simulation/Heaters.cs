using System.Globalization;

namespace MakerShop.VirtualPrinter.Simulation;

/// <summary>The hotend and bed, and the one place their Marlin report line is formatted.</summary>
internal sealed class Heaters(VirtualPrinterOptions options, SimulatedClock clock)
{
    public SimulatedHeater Hotend { get; } = new(options.AmbientTemperature, options.HotendHeatRatePerSecond, options.CoolRatePerSecond);

    public SimulatedHeater Bed { get; } = new(options.AmbientTemperature, options.BedHeatRatePerSecond, options.CoolRatePerSecond);

    /// <summary>"T:210.0 /210.0 B:60.0 /60.0 @:0 B@:0"; M105 puts "ok " in front, M155 a space.</summary>
    public string Report()
    {
        var now = clock.Now;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"T:{Hotend.FormatAt(now)} B:{Bed.FormatAt(now)} @:{Hotend.PowerAt(now)} B@:{Bed.PowerAt(now)}");
    }
}
