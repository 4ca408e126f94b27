namespace MakerShop.Printers.Mqtt;

/// <summary>A printer whose QoS 1 reports have stopped arriving: its last state says one job, its telemetry another, for <paramref name="For"/>.</summary>
public sealed record StalledPrinter(string PrinterId, string? StateJobId, string? TelemetryJobId, TimeSpan For);
