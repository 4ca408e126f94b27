using Xunit.Abstractions;

[assembly: TestCollectionOrderer("MakerShop.EndToEnd.Tests.Infrastructure.LongestFirstCollectionOrderer", "MakerShop.EndToEnd.Tests")]

namespace MakerShop.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Each test class is its own collection, and xunit.runner.json runs four at a time (the lossy-link streaming tests,
/// which starve beside them, run alone afterwards: see SerialLinkCollection). Whichever class starts last decides when
/// the run ends, so the classes that take a minute or more (a browser, the soak, the bed-safety matrix) start first and
/// the short ones fill the gaps.
/// </summary>
public sealed class LongestFirstCollectionOrderer : ITestCollectionOrderer
{
    private static readonly string[] LongRunning = [".Browser.", ".Soak.", ".Production.BedSafety"];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderByDescending(c => LongRunning.Any(part => c.DisplayName.Contains(part, StringComparison.Ordinal)))
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
