using System.Text.Json.Serialization;

namespace MakerShop.Printers.PrusaLink;

/// <summary><c>GET /api/v1/status</c>: only <c>printer</c> is always there; <c>job</c> while a job is on the printer.</summary>
public sealed record PrusaLinkStatus(
    [property: JsonPropertyName("job")] PrusaLinkStatusJob? Job,
    [property: JsonPropertyName("printer")] PrusaLinkPrinter? Printer);
