namespace MakerShop.Web.Options;

/// <summary>Demo mode: a seeded catalog and a fleet of virtual printers with their bridges; bound from <c>MakerShop:Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "MakerShop:Demo";

    public bool Enabled { get; set; }

    /// <summary>Seeds the demo catalog when the catalog is empty (also useful without the fleet).</summary>
    public bool SeedCatalog { get; set; }

    public DemoFleetOptions Fleet { get; set; } = new();
}
