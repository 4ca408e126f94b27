namespace MakerShop.Bench.Fuzz;

/// <summary>What one target's run did.</summary>
internal sealed record FuzzResult(
    string Target, long Executions, TimeSpan Elapsed, long Refusals, int Crashes, long Hangs, int Seeds, int Corpus, int Edges, IReadOnlyList<string> Findings)
{
    public double PerSecond => Executions / Elapsed.TotalSeconds;
}
