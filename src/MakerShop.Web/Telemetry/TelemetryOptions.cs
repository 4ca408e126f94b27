using System.ComponentModel.DataAnnotations;

namespace MakerShop.Web.Telemetry;

/// <summary>How telemetry is stored and pushed to the live pages; bound from <c>MakerShop:Telemetry</c>.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "MakerShop:Telemetry";

    /// <summary>At most one history sample per printer in this many seconds.</summary>
    [Range(1, 3600)]
    public double SampleSeconds { get; set; } = 15;

    /// <summary>How long history samples are kept (the printer page charts the last hour).</summary>
    [Range(60, 7 * 24 * 60)]
    public double RetentionMinutes { get; set; } = 75;

    /// <summary>How often the newest readings and new samples are written to the database, in one transaction.</summary>
    [Range(0.05, 60)]
    public double WriteIntervalSeconds { get; set; } = 1;

    /// <summary>How long a live page's stream gathers readings before it sends them as one event.</summary>
    [Range(10, 5000)]
    public int LiveBatchMilliseconds { get; set; } = 200;
}
