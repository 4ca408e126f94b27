using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>A printer with the last telemetry it sent, as stored (JSON of the MQTT contract's telemetry payload).</summary>
public sealed record PrinterView(Printer Printer, string? TelemetryJson);
