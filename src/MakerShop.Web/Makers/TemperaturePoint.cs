namespace MakerShop.Web.Makers;

/// <summary>One sample of the chart, in °C; null where the printer did not report that heater.</summary>
public sealed record TemperaturePoint(DateTimeOffset At, double? NozzleActual, double? NozzleTarget, double? BedActual, double? BedTarget);
