namespace MakerShop.Bench.Soak;

/// <summary>The host's RSS at the end of one simulated day, and how many host restarts had happened by then.</summary>
public sealed record DayEnd(int Day, long? RssKilobytes, int HostRestartsSoFar);
