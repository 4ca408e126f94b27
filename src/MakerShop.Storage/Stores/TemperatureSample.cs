namespace MakerShop.Storage.Stores;

/// <summary>One point of a printer's temperature history (°C); a heater the printer did not report is null.</summary>
public sealed record TemperatureSample(
    string PrinterId,
    DateTimeOffset At,
    double? NozzleActual,
    double? NozzleTarget,
    double? BedActual,
    double? BedTarget);
