namespace MakerShop.VirtualPrinter.Tests;

/// <summary>Tests that measure real elapsed time run alone, so other tests cannot steal their CPU.</summary>
[CollectionDefinition(nameof(WallClockCollection), DisableParallelization = true)]
public sealed class WallClockCollection : ICollectionFixture<ThreadPoolHeadroom>;
