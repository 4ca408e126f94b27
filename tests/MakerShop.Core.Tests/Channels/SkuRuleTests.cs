using MakerShop.Core;

namespace MakerShop.Core.Tests.Channels;

/// <summary>SKUs from a sales channel name catalog items exactly or by the suffix rule, and otherwise name nothing.</summary>
public sealed class SkuRuleTests
{
    private static readonly Product Base = Product("BASE", "Lamp base", ("PLA", "white"), ("PETG", "black"));
    private static readonly Product Cube = Product("calibration-cube", "Calibration cube", ("PLA", "black"));
    private static readonly Product Retired = Product("old-vase", "Old vase", ("PLA", "white")) with { Retired = true };
    private static readonly IReadOnlyList<Product> Catalog = [Base, Cube, Retired];

    private static readonly SkuRule Rule = new(
        new Dictionary<string, SkuTarget>(StringComparer.OrdinalIgnoreCase) { ["LAMP-01"] = new("BASE", "PETG", "black"), ["BASE-PLA-WHITE"] = new("BASE", "PETG", "black") },
        "-");

    [Fact]
    public void The_suffix_rule_reads_product_material_and_colour_from_the_right_so_product_ids_may_hold_the_separator()
    {
        var cube = Assert.IsType<SkuMatch.Mapped>(Rule.Map("calibration-cube-PLA-black", Catalog));
        Assert.Equal(("calibration-cube", "PLA", "black", "suffix"), (cube.Product.Id, cube.Material, cube.Colour, cube.How));

        var lamp = Assert.IsType<SkuMatch.Mapped>(Rule.Map(" base-petg-Black ", Catalog));
        Assert.Equal(("BASE", "PETG", "black", "suffix"), (lamp.Product.Id, lamp.Material, lamp.Colour, lamp.How));
    }

    [Fact]
    public void An_exact_entry_wins_over_the_suffix_rule()
    {
        var exact = Assert.IsType<SkuMatch.Mapped>(Rule.Map("LAMP-01", Catalog));
        Assert.Equal(("BASE", "PETG", "black", "exact"), (exact.Product.Id, exact.Material, exact.Colour, exact.How));
        Assert.Equal("PETG", Assert.IsType<SkuMatch.Mapped>(Rule.Map("BASE-PLA-WHITE", Catalog)).Material);
    }

    [Theory]
    [InlineData("", "no SKU")]
    [InlineData("VASE", "not PRODUCT-MATERIAL-COLOUR")]
    [InlineData("NOPE-PLA-white", "no product 'NOPE'")]
    [InlineData("BASE-PLA-purple", "Lamp base is not offered in PLA purple")]
    [InlineData("old-vase-PLA-white", "no product 'old-vase' is for sale")]
    public void Anything_else_is_unmapped_with_the_reason_and_never_guessed(string sku, string reason)
    {
        var unmapped = Assert.IsType<SkuMatch.Unmapped>(Rule.Map(sku, Catalog));
        Assert.Equal(sku.Trim(), unmapped.Sku);
        Assert.Contains(reason, unmapped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_separator_only_exact_entries_map()
    {
        var exactOnly = Rule with { Separator = "" };
        Assert.IsType<SkuMatch.Mapped>(exactOnly.Map("LAMP-01", Catalog));
        Assert.IsType<SkuMatch.Unmapped>(exactOnly.Map("calibration-cube-PLA-black", Catalog));
    }

    [Fact]
    public void Retries_wait_twice_as_long_each_time_up_to_the_cap()
    {
        var first = TimeSpan.FromSeconds(30);
        var cap = TimeSpan.FromHours(6);
        Assert.Equal([30, 60, 120, 240], new[] { 1, 2, 3, 4 }.Select(a => RetryBackoff.Delay(a, first, cap).TotalSeconds));
        Assert.Equal(cap, RetryBackoff.Delay(40, first, cap));
    }

    private static Product Product(string id, string name, params (string Material, string Colour)[] options) =>
        new(id, name, "", Money.FromMinor(1000, Currency.Eur), new Size3(20, 20, 20), TimeSpan.FromMinutes(30),
            new StoredGcode($"gcode/{id}.gcode", new string('a', 64), 1000), [.. options.Select(o => new MaterialOption(o.Material, o.Colour))], 3);
}
