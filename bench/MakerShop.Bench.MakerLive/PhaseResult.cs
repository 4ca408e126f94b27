namespace MakerShop.Bench.MakerLive;

/// <summary>What one phase measured over its window.</summary>
internal sealed record PhaseResult(
    string Name,
    double WindowSeconds,
    double PublishedPerSecond,
    double DeliveredPerSecondPerReceiver,
    Percentiles Delay,
    double ServerCpuPercent,
    double ServerRssMedianMb,
    double ServerRssMaxMb,
    double HarnessCpuPercent,
    long PublishFailures);
