using System.Globalization;
using System.Net;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Geometry.Gcode;
using MakerShop.Web;
using MakerShop.Web.Admin.Catalog;
using MakerShop.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace MakerShop.EndToEnd.Tests.Quotes;

/// <summary>
/// Prusa's binary G-code (<c>.bgcode</c>) uploaded where the shop expects a model or plain G-code is named for what it is,
/// with what to do instead, in the reader's language; never a mesh or G-code parse error, and nothing is stored.
/// </summary>
public sealed class BinaryGcodeUploadTests
{
    /// <summary>The start of a file PrusaSlicer writes for an MK4: the GCDE header (version 1, CRC32) and a metadata block.</summary>
    private static readonly byte[] Bgcode =
    [
        .. "GCDE"u8, 1, 0, 0, 0, 1, 0,
        0, 0, 0, 0, 27, 0, 0, 0, 0, 0, .. "Producer=PrusaSlicer 2.8.1\n"u8, 0, 0, 0, 0,
    ];

    [Fact]
    public async Task A_bgcode_is_refused_as_binary_gcode_by_the_quote_api_and_the_product_upload_and_said_in_French_too()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        var productGcodeBefore = await shop.TextAsync("SELECT gcode_sha256 FROM products WHERE id = 'calibration-cube'");

        var (quote, problem) = await QuoteUploads.PostAsync(shop.Http, Bgcode, "benchy_0.4n_0.2mm_PLA_MK4_1h2m.bgcode");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, quote.StatusCode);
        Assert.Equal("BinaryGcode", problem!["problem"]!.GetValue<string>());
        Assert.Equal(BinaryGcode.NotAModel, problem["detail"]!.GetValue<string>());
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM models"));

        using var scope = shop.Services.CreateScope();
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogAdmin>();
        await using var file = new MemoryStream(Bgcode);
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => catalog.ReplaceGcodeAsync("calibration-cube", file));
        Assert.Equal(("gcode", BinaryGcode.PlainGcodeOnly), (refused.Field, refused.Message));
        Assert.Equal(productGcodeBefore, await shop.TextAsync("SELECT gcode_sha256 FROM products WHERE id = 'calibration-cube'"));
        Assert.Empty(Directory.GetFiles(Path.Combine(shop.Settings.DataDirectory, "gcode", "products"), "*.part"));

        var text = shop.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
            var french = ProblemText.For(text, "Products", refused);
            Assert.Contains("G-code binaire Prusa (.bgcode)", french, StringComparison.Ordinal);
            Assert.Contains("pas un modèle 3D", text["Quote.Problem.BinaryGcode"].Value, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
