namespace MakerShop.Bench.Soak;

/// <summary>Everything one soak run measured: what was sent, what was injected, what the database holds, and memory.</summary>
public sealed record SoakResult(
    SoakOptions Options,
    SoakOutcome Outcome,
    int OrderRequests,
    int CorruptRequests,
    IReadOnlyDictionary<string, int> CorruptOutcomes,
    int Retries,
    int Unanswered,
    int GoodRefused,
    int HostRestarts,
    int BrokerRestarts,
    int BridgeRestarts,
    long PeakRssKilobytes,
    IReadOnlyList<DayEnd> DayEnds,
    long? RssAfterDrainKilobytes,
    bool Drained,
    TimeSpan ArrivalWall,
    TimeSpan DrainWall,
    TimeSpan TotalWall,
    IReadOnlyList<string> Problems)
{
    /// <summary>Orders or units that vanished: accepted and not stored, unanswered, or a unit neither printed nor failed with a reason.</summary>
    public int Lost => Outcome.Lost + Outcome.OrdersMissing + Unanswered;

    public int Duplicates => Outcome.Duplicates + Outcome.StrayOrders;
}
