namespace MakerShop.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Browser tests spend most of their time waiting for a page, a print or a poll, so they run in two streams beside the
/// farm tests instead of after them (xunit.runner.json runs two collections at once: with three, the lossy-link corpus streaming tests failed on the 2-core machine). Each stream is still one test
/// at a time, and every test starts its own host on its own ports and data folder, so the streams share nothing but
/// the machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class StorefrontAndMakerBrowserCollection
{
    public const string Name = "browser: storefront and maker pages";
}

/// <summary>The owner's pages; see <see cref="StorefrontAndMakerBrowserCollection"/>.</summary>
[CollectionDefinition(Name)]
public sealed class OwnerBrowserCollection
{
    public const string Name = "browser: owner pages";
}
