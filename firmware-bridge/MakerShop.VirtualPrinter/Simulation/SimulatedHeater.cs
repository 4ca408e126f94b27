using System.Globalization;

namespace MakerShop.VirtualPrinter.Simulation;

/// <summary>A heater that moves linearly towards its target (or ambient when off); read lazily at a simulated instant.</summary>
internal sealed class SimulatedHeater(double ambient, double heatRatePerSecond, double coolRatePerSecond)
{
    private const int FullPower = 127;
    private readonly Lock gate = new();
    private double temperatureAtMark = ambient;
    private readonly double ambientTemperature = ambient;
    private TimeSpan mark;
    private double target;

    public double Target
    {
        get
        {
            lock (gate)
            {
                return target;
            }
        }
    }

    public double Ambient => ambientTemperature;

    public double ActualAt(TimeSpan now)
    {
        lock (gate)
        {
            return Project(now);
        }
    }

    public void SetTarget(double value, TimeSpan now)
    {
        lock (gate)
        {
            temperatureAtMark = Project(now);
            mark = now;
            target = Math.Max(0, value);
        }
    }

    /// <summary>Marlin's "T:210.0 /210.0" pair.</summary>
    public string FormatAt(TimeSpan now) =>
        string.Create(CultureInfo.InvariantCulture, $"{ActualAt(now):0.0} /{Target:0.0}");

    public int PowerAt(TimeSpan now) => Target > 0 && ActualAt(now) < Target - 0.5 ? FullPower : 0;

    private double Project(TimeSpan now)
    {
        var seconds = Math.Max(0, (now - mark).TotalSeconds);
        var goal = target > 0 ? target : ambientTemperature;
        return temperatureAtMark < goal
            ? Math.Min(goal, temperatureAtMark + (heatRatePerSecond * seconds))
            : Math.Max(goal, temperatureAtMark - (coolRatePerSecond * seconds));
    }
}
