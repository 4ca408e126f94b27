namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>A heater's new target on its own line (Repetier "TargetExtr0:210", "TargetBed:60"), heater named as in <see cref="TemperatureReport"/>.</summary>
public sealed record HeaterTarget(string Heater, double Target);
