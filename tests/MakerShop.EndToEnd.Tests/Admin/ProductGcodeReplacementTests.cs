using System.Globalization;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Admin.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Admin;

/// <summary>Replacing a product's G-code: the part size the scheduler fits printers by follows the new file.</summary>
public sealed class ProductGcodeReplacementTests
{
    [Fact]
    public async Task Replacing_the_gcode_takes_the_part_size_from_the_new_file_unless_the_owner_gives_one()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        using var scope = shop.Services.CreateScope();
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogAdmin>();
        var planter = Path.Combine(shop.Settings.DataDirectory, "gcode", "planter-box.gcode");
        var cubeBefore = await PartSizeAsync(shop);

        AnalysedGcode analysed;
        await using (var file = File.OpenRead(planter))
        {
            analysed = await catalog.ReplaceGcodeAsync("calibration-cube", file);
        }

        Assert.NotEqual(cubeBefore, analysed.PartSize);
        Assert.Equal(analysed.PartSize, await PartSizeAsync(shop));

        await using (var file = File.OpenRead(planter))
        {
            await catalog.ReplaceGcodeAsync("calibration-cube", file, new Size3(30, 31, 32));
        }

        Assert.Equal(new Size3(30, 31, 32), await PartSizeAsync(shop));
    }

    [Fact]
    public async Task A_product_gcode_is_timed_by_the_slicers_own_estimate_when_the_file_states_one()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        using var scope = shop.Services.CreateScope();
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogAdmin>();

        // Cura 2.3 writes ";TIME:3485" in its header; summing the file's feed rates gives a different, shorter time.
        await using var file = File.OpenRead(Path.Combine(Corpus.Directory, "gcodepreview_puzzle_cura231.gcode"));
        var analysed = await catalog.ReplaceGcodeAsync("calibration-cube", file);

        Assert.Equal(TimeSpan.FromSeconds(3485), analysed.PrintTime);
    }

    private static async Task<Size3> PartSizeAsync(TestShop shop)
    {
        static double Read(string? text) => double.Parse(text!, CultureInfo.InvariantCulture);
        return new Size3(
            Read(await shop.TextAsync("SELECT CAST(part_x AS TEXT) FROM products WHERE id = 'calibration-cube'")),
            Read(await shop.TextAsync("SELECT CAST(part_y AS TEXT) FROM products WHERE id = 'calibration-cube'")),
            Read(await shop.TextAsync("SELECT CAST(part_z AS TEXT) FROM products WHERE id = 'calibration-cube'")));
    }
}
