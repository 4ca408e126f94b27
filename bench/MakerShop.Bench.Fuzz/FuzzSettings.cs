namespace MakerShop.Bench.Fuzz;

/// <summary>How long and how hard one target is fuzzed.</summary>
internal sealed record FuzzSettings(string CorpusDirectory, string OutputDirectory, TimeSpan Duration, int Seed)
{
    public int MaxInputBytes { get; init; } = 256 * 1024;

    public int MaxHangs { get; init; } = 3;

    /// <summary>Generous on a shared machine: two seconds plus a millisecond per kilobyte.</summary>
    public TimeSpan BudgetFor(int bytes) => TimeSpan.FromSeconds(2) + TimeSpan.FromMilliseconds(bytes / 1024.0);
}
