namespace MakerShop.VirtualPrinter;

/// <summary>How a <see cref="VirtualMarlinPrinter"/> behaves; temperatures in °C, rates per simulated second.</summary>
public sealed record VirtualPrinterOptions
{
    public string Name { get; init; } = "virtual-marlin";

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one (read it back from <see cref="VirtualMarlinPrinter.Port"/>).</summary>
    public int Port { get; init; }

    /// <summary>Simulated seconds per real second: 60 turns a one-hour print into one minute.</summary>
    public double TimeScale { get; init; } = 1;

    public double MaxFeedrateMmPerMin { get; init; } = 12_000;

    /// <summary>Feedrate used by moves before the program sets one with F.</summary>
    public double DefaultFeedrateMmPerMin { get; init; } = 1_500;

    public double AmbientTemperature { get; init; } = 21;

    public double HotendHeatRatePerSecond { get; init; } = 3;

    public double BedHeatRatePerSecond { get; init; } = 1;

    public double CoolRatePerSecond { get; init; } = 0.5;

    public TimeSpan HomingDuration { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Fault injection: the first time line N arrives, answer as if its checksum were wrong.</summary>
    public int? CorruptLineOnce { get; init; }
}
