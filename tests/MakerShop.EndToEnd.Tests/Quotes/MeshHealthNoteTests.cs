using System.Buffers.Binary;
using System.Net;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.EndToEnd.Tests.Storefront;

namespace MakerShop.EndToEnd.Tests.Quotes;

/// <summary>
/// Stored STL normals that point against the winding reach the quote's mesh health as a note, in the API and on the
/// quote page in English and French; the part is still quoted, closed, with no warning for it.
/// </summary>
public sealed class MeshHealthNoteTests
{
    [Fact]
    public async Task A_cube_with_two_stored_normals_pointing_inwards_is_quoted_with_a_note_not_a_warning()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort);
        var stl = QuoteUploads.CubeStl(10);
        ReverseStoredNormal(stl, 0);
        ReverseStoredNormal(stl, 7);

        var (created, quote) = await QuoteUploads.PostAsync(shop.Http, stl, "cube-normals.stl", "PLA", "EUR");

        Assert.True(created.StatusCode == HttpStatusCode.Created, quote?.ToJsonString());
        Assert.Equal(2, quote!["model"]!["reversedStoredNormals"]!.GetValue<long>());
        Assert.True(quote["model"]!["closed"]!.GetValue<bool>());
        Assert.Empty(quote["warnings"]!.AsArray());
        var id = quote["id"]!.GetValue<string>();

        using var english = new StorefrontVisitor(shop, "en-IE,en;q=0.8");
        Assert.Equal(HttpStatusCode.OK, (await english.GetAsync($"/quotes/{id}")).StatusCode);
        Assert.Contains("data-testid=\"normals-note\"", english.Html, StringComparison.Ordinal);
        Assert.Contains("2 triangles store a normal pointing to the inside", english.Html, StringComparison.Ordinal);
        Assert.Contains("The slicer recomputes every normal", english.Html, StringComparison.Ordinal);

        using var french = new StorefrontVisitor(shop, "fr-FR,fr;q=0.9");
        Assert.Equal(HttpStatusCode.OK, (await french.GetAsync($"/quotes/{id}")).StatusCode);
        Assert.Contains("Remarque sur le maillage", french.Html, StringComparison.Ordinal);
        Assert.Contains("recalcule chaque normale", french.Html, StringComparison.Ordinal);

        // The same cube with every stored normal agreeing: no note.
        var (plain, plainQuote) = await QuoteUploads.PostAsync(shop.Http, QuoteUploads.CubeStl(10), "cube.stl", "PLA", "EUR");
        Assert.True(plain.StatusCode == HttpStatusCode.Created, plainQuote?.ToJsonString());
        Assert.Equal(0, plainQuote!["model"]!["reversedStoredNormals"]!.GetValue<long>());
        await english.GetAsync($"/quotes/{plainQuote["id"]!.GetValue<string>()}");
        Assert.DoesNotContain("normals-note", english.Html, StringComparison.Ordinal);
    }

    private static void ReverseStoredNormal(byte[] stl, int facet)
    {
        for (var axis = 0; axis < 3; axis++)
        {
            var at = stl.AsSpan(84 + facet * 50 + axis * 4);
            BinaryPrimitives.WriteSingleLittleEndian(at, -BinaryPrimitives.ReadSingleLittleEndian(at));
        }
    }
}
