namespace MakerShop.Core;

/// <summary>A printer busy with one job, from the job's start to its end (or now, while it still runs).</summary>
public sealed record PrintingInterval(string PrinterId, DateTimeOffset Start, DateTimeOffset End);
