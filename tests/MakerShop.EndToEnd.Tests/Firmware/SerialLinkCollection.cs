namespace MakerShop.EndToEnd.Tests.Firmware;

/// <summary>
/// The lossy-link streaming tests measure a serial protocol whose ok timeout is 150 ms of wall time: run beside three
/// browsers on a 2-core machine they starve, and a late ok reads as a dropped one. xunit runs a collection that
/// disables parallelization alone, after every parallel collection, so the rest of the suite can run four at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialLinkCollection
{
    public const string Name = "Serial link, run alone";
}
