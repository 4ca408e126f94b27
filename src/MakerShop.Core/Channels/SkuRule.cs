namespace MakerShop.Core;

/// <summary>
/// How a channel's SKUs name catalog items. An exact entry wins; otherwise the suffix rule reads the SKU from the right
/// as product, material and colour joined by the separator ("BASE-PLA-WHITE", "calibration-cube-PLA-black"), so product
/// ids may contain the separator themselves. Anything else is unmapped: the rule never guesses.
/// </summary>
public sealed record SkuRule(IReadOnlyDictionary<string, SkuTarget> Exact, string Separator)
{
    public SkuMatch Map(string? sku, IReadOnlyList<Product> catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (string.IsNullOrWhiteSpace(sku))
        {
            return new SkuMatch.Unmapped(sku ?? "", "the line has no SKU");
        }

        var trimmed = sku.Trim();
        if (Exact.FirstOrDefault(e => string.Equals(e.Key, trimmed, StringComparison.OrdinalIgnoreCase)) is { Value: { } target })
        {
            return Offered(trimmed, target, catalog, "exact");
        }

        if (Separator.Length == 0)
        {
            return new SkuMatch.Unmapped(trimmed, "no exact SKU entry names it");
        }

        var colourAt = trimmed.LastIndexOf(Separator, StringComparison.Ordinal);
        var materialAt = colourAt > 0 ? trimmed.LastIndexOf(Separator, colourAt - 1, StringComparison.Ordinal) : -1;
        if (materialAt <= 0)
        {
            return new SkuMatch.Unmapped(trimmed, "no exact SKU entry names it and it is not PRODUCT-MATERIAL-COLOUR");
        }

        var product = trimmed[..materialAt];
        var material = trimmed[(materialAt + Separator.Length)..colourAt];
        var colour = trimmed[(colourAt + Separator.Length)..];
        return Offered(trimmed, new SkuTarget(product, material, colour), catalog, "suffix");
    }

    private static SkuMatch Offered(string sku, SkuTarget target, IReadOnlyList<Product> catalog, string how)
    {
        var product = catalog.FirstOrDefault(p => !p.Retired && string.Equals(p.Id, target.ProductId, StringComparison.OrdinalIgnoreCase));
        if (product is null)
        {
            return new SkuMatch.Unmapped(sku, $"no product '{target.ProductId}' is for sale in the catalog");
        }

        var option = product.FindMaterial(target.Material, target.Colour);
        return option is null
            ? new SkuMatch.Unmapped(sku, $"{product.Name} is not offered in {target.Material} {target.Colour}")
            : new SkuMatch.Mapped(product, option.Material, option.Colour, how);
    }
}
