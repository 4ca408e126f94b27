using MakerShop.Core;

namespace MakerShop.Web.Demo;

/// <summary>A demo catalog entry: what to sell and the shape its G-code is generated from.</summary>
public sealed record DemoProduct(string Id, string Name, string Description, long PriceEuroCents, DemoShape Shape, IReadOnlyList<MaterialOption> Materials);
