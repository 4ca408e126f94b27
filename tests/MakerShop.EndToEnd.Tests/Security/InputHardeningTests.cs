using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.EndToEnd.Tests.Quotes;

namespace MakerShop.EndToEnd.Tests.Security;

/// <summary>
/// Issue 19, item 7: each input that gave a 500 or was stored as sent now gets a 400 (or 413) ProblemDetails that names
/// the field, and nothing is stored.
/// </summary>
public sealed class InputHardeningTests : IAsyncLifetime
{
    private TestShop shop = null!;

    public async Task InitializeAsync() => shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());

    public async Task DisposeAsync() => await shop.DisposeAsync();

    [Fact]
    public async Task An_upload_cut_off_mid_file_is_a_400_naming_the_file()
    {
        var model = QuoteUploads.CubeStl(20);
        var head = Encoding.ASCII.GetBytes("--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cube.stl\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        using var content = new ByteArrayContent([.. head, .. model.AsSpan(0, model.Length / 2)]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=cut");

        using var response = await shop.Http.PostAsync("/api/quotes", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("ended before the whole file arrived", problem["errors"]!["file"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM models"));
    }

    [Fact]
    public async Task A_quote_refusal_whose_surface_area_overflows_is_valid_JSON_without_Infinity()
    {
        // One triangle 1e38 mm on a side: its size is a finite float, its area overflows to infinity.
        var stl = new byte[84 + 50];
        Encoding.ASCII.GetBytes("huge".PadRight(80)).CopyTo(stl, 0);
        BitConverter.GetBytes(1u).CopyTo(stl, 80);
        float[] numbers = [0, 0, 1, 0, 0, 0, 1e38f, 0, 0, 0, 1e38f, 0];
        Buffer.BlockCopy(numbers, 0, stl, 84, numbers.Length * sizeof(float));

        var (response, body) = await QuoteUploads.PostAsync(shop.Http, stl, "huge.stl");

        using (response)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.NotNull(body);
            Assert.DoesNotContain("Infinity", body!.ToJsonString(), StringComparison.Ordinal);
            // Refused before slicing as absurd geometry (longer than 10 m, no volume), or as too large when it gets that far.
            Assert.Contains(body["problem"]!.GetValue<string>(), new[] { "DegenerateGeometry", "OutOfRange", "too-large" });
            if (body["model"]?["surfaceAreaMm2"] is { } area)
            {
                Assert.Equal(System.Text.Json.JsonValueKind.Null, area.GetValueKind());
            }
        }
    }

    [Theory]
    [InlineData("countryCode", "XX", "shippingAddress.countryCode")]
    [InlineData("countryCode", "ZZ", "shippingAddress.countryCode")]
    [InlineData("postalCode", "75002\n", "shippingAddress.postalCode")]
    [InlineData("name", "long", "shippingAddress.name")]
    [InlineData("line1", "Rue\r\nBcc: someone", "shippingAddress.line1")]
    public async Task An_order_with_a_bad_address_field_is_a_400_naming_it_and_nothing_is_stored(string field, string value, string expectedField)
    {
        var body = ShopApi.OrderBody();
        body["shippingAddress"]![field] = value == "long" ? new string('A', 5_000) : value;

        using var response = await ShopApi.PostOrderAsync(shop.Http, body, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]![expectedField]);
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM orders"));
    }

    [Fact]
    public async Task A_25_MB_JSON_name_is_refused_413_before_it_is_read()
    {
        var body = ShopApi.OrderBody();
        body["customer"]!["name"] = new string('A', 25 * 1024 * 1024);
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");

        using var response = await shop.Http.PostAsync("/api/orders", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM orders"));
    }

    [Fact]
    public async Task A_chunked_JSON_body_over_the_limit_is_refused_413()
    {
        var body = ShopApi.OrderBody();
        body["customer"]!["name"] = new string('A', 200 * 1024);

        // JsonContent has no precomputed length, so it goes out chunked: the limit stops the read itself.
        using var response = await shop.Http.PostAsync("/api/orders", JsonContent.Create(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM orders"));
    }

    [Theory]
    [InlineData(1e308)]
    [InlineData(0)]
    [InlineData(50_001)]
    public async Task A_product_weight_outside_physical_bounds_is_a_400_naming_it(double grams)
    {
        using var response = await shop.Http.PutAsJsonAsync("/api/products/calibration-cube/customs", new { hsCode = "392690", netWeightGrams = grams });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]!["netWeightGrams"]);
    }

    [Fact]
    public async Task A_real_product_weight_is_accepted()
    {
        using var response = await shop.Http.PutAsJsonAsync("/api/products/calibration-cube/customs", new { hsCode = "392690", netWeightGrams = 42.5 });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
