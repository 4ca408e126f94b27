namespace MakerShop.Contracts.Mqtt;

/// <summary>One heater: "tool0", "bed", "chamber"; temperatures in °C.</summary>
public sealed record HeaterReading(string Name, double Actual, double? Target);
