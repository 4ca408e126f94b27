namespace MakerShop.EndToEnd.Tests.Infrastructure;

/// <summary>Whole-farm tests share two cores with everything else; running them one at a time keeps their timing honest.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection
{
    public const string Name = "end-to-end farm";
}
