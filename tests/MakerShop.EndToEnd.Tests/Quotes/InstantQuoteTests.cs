using System.Net;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Devices;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Quotes;

/// <summary>Upload → real PrusaSlicer slice → quote → order from the quote → printed on the virtual fleet.</summary>
public sealed class InstantQuoteTests
{
    [Fact]
    public async Task An_uploaded_cube_is_sliced_quoted_ordered_and_printed_from_the_very_gcode_that_was_quoted()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort);

        var (created, quote) = await QuoteUploads.PostAsync(shop.Http, QuoteUploads.CubeStl(10), "cube.stl", "PLA", "EUR");

        Assert.True(created.StatusCode == HttpStatusCode.Created, quote?.ToJsonString());
        var id = quote!["id"]!.GetValue<string>();
        Assert.Equal("PLA", quote["material"]!.GetValue<string>());
        Assert.Equal(12, quote["model"]!["triangles"]!.GetValue<long>());
        Assert.Equal(1000, quote["model"]!["volumeMm3"]!.GetValue<double>(), 3);
        Assert.Contains(TestFleet.PrinterId(0), quote["fittingPrinters"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.False(quote["slice"]!["fromCache"]!.GetValue<bool>());
        Assert.True(quote["slice"]!["printSeconds"]!.GetValue<double>() > 60, "a 10 mm cube takes minutes to print");
        Assert.True(quote["slice"]!["filamentGrams"]!.GetValue<double>() > 0.1);
        Assert.StartsWith("PrusaSlicer", quote["slice"]!["slicer"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("EUR", quote["price"]!["unitPrice"]!["currency"]!.GetValue<string>());
        Assert.True(quote["price"]!["unitPrice"]!["minorUnits"]!.GetValue<long>() >= 800, "never below the minimum price");
        Assert.True(DateOnly.Parse(quote["estimatedShipDate"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > DateOnly.FromDateTime(DateTime.UtcNow));
        var read = System.Text.Json.Nodes.JsonNode.Parse(await shop.Http.GetStringAsync($"/api/quotes/{id}"))!;
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(quote, read), $"GET gave {read.ToJsonString()}");

        // The same file again: stored once, sliced once.
        var (again, second) = await QuoteUploads.PostAsync(shop.Http, QuoteUploads.CubeStl(10), "same-cube.stl", "PLA", "EUR");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.True(second!["slice"]!["fromCache"]!.GetValue<bool>());
        Assert.Equal(quote["slice"]!["gcodeSha256"]!.GetValue<string>(), second["slice"]!["gcodeSha256"]!.GetValue<string>());
        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM models"));
        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM slices"));

        var orderId = await ShopApi.PlaceOrderAsync(shop.Http, QuoteUploads.OrderFromQuote(id));
        await ShopApi.WaitForOrdersAsync(shop.Http, [orderId], "Produced", TimeSpan.FromSeconds(120));

        var sha = quote["slice"]!["gcodeSha256"]!.GetValue<string>();
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{orderId}' AND status = 'Completed' AND gcode_sha256 = '{sha}'"));
        Assert.Equal("marlin-250x210x210", quote["printerModel"]!["profile"]!.GetValue<string>());

        var order = await ShopApi.GetOrderAsync(shop.Http, orderId);
        Assert.Equal(quote["price"]!["unitPrice"]!["minorUnits"]!.GetValue<long>(), order["total"]!["minorUnits"]!.GetValue<long>());
        Assert.Contains(fleet.Members[0].Printer.ExecutedCommands, c => c == "M84");
    }

    [Fact]
    public async Task A_bigger_model_costs_more_and_prices_convert_with_each_currencys_rounding()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort);

        var (_, small) = await QuoteUploads.PostAsync(shop.Http, QuoteUploads.CubeStl(10), "small.stl");
        var (bigResponse, big) = await QuoteUploads.PostAsync(shop.Http, await File.ReadAllBytesAsync(Path.Combine(Corpus.Directory, "3mfsamples_box.3mf")), "box.3mf");
        var (_, yen) = await QuoteUploads.PostAsync(shop.Http, QuoteUploads.CubeStl(10), "small.stl", currency: "JPY");

        Assert.True(bigResponse.StatusCode == HttpStatusCode.Created, big?.ToJsonString());
        Assert.Equal("ThreeMf", big!["model"]!["format"]!.GetValue<string>());
        var smallPrice = small!["price"]!["shopPrice"]!["minorUnits"]!.GetValue<long>();
        var bigPrice = big["price"]!["shopPrice"]!["minorUnits"]!.GetValue<long>();
        Assert.True(bigPrice > smallPrice, $"box {bigPrice} should cost more than the cube {smallPrice}");
        Assert.True(big["slice"]!["filamentGrams"]!.GetValue<double>() > small["slice"]!["filamentGrams"]!.GetValue<double>());

        // JPY has no minor unit: the converted price is whole yen, from the same slice as the EUR quote.
        Assert.True(yen!["slice"]!["fromCache"]!.GetValue<bool>());
        Assert.Equal("JPY", yen["price"]!["unitPrice"]!["currency"]!.GetValue<string>());
        Assert.DoesNotContain(".", yen["price"]!["unitPrice"]!["amount"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_part_is_sliced_for_the_smallest_printer_model_it_fits_and_its_job_is_tied_to_that_model()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort);
        await shop.Services.GetRequiredService<PrinterRegistry>().RegisterAsync(
            new PrinterRegistration("xl-printer", "Marlin XL", PrinterKind.FirmwareBridge, new Size3(350, 350, 350), 0.4, "PLA", "black", "FR", AutoEject: true));

        var (_, small) = await QuoteUploads.PostAsync(shop.Http, QuoteUploads.CubeStl(10), "small.stl");
        var (plateResponse, plate) = await QuoteUploads.PostAsync(shop.Http, QuoteUploads.BoxStl(300, 300, 1), "plate.stl");

        // The cube fits both models: the standard machine is chosen, the XL stays free for what only it can print.
        Assert.Equal("marlin-250x210x210", small!["printerModel"]!["profile"]!.GetValue<string>());
        Assert.Equal([TestFleet.PrinterId(0)], small["printerModel"]!["printers"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Contains("xl-printer", small["fittingPrinters"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.True(plateResponse.StatusCode == HttpStatusCode.Created, plate?.ToJsonString());
        Assert.Equal("marlin-350x350x350", plate!["printerModel"]!["profile"]!.GetValue<string>());
        Assert.Equal(350, plate["printerModel"]!["buildVolume"]!["x"]!.GetValue<double>());
        Assert.Equal(["xl-printer"], plate["fittingPrinters"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(2, await shop.CountAsync("SELECT COUNT(DISTINCT profile_hash) FROM slices"));

        // The plate's job, as the scheduler loads it, needs the XL model.
        var orderId = await ShopApi.PlaceOrderAsync(shop.Http, QuoteUploads.OrderFromQuote(plate["id"]!.GetValue<string>()));
        await using var connection = await shop.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync();
        var jobs = await PrintJobStore.ListQueuedAsync(connection, null);
        var job = Assert.Single(jobs, j => j.OrderId == orderId);
        Assert.Equal(new PrinterModel("marlin-350x350x350", new Size3(350, 350, 350), 0.4), job.RequiredPrinterModel);
    }

    [Fact]
    public async Task A_part_only_a_Bambu_Lab_printer_can_take_is_sliced_with_its_own_profile_by_Debians_PrusaSlicer()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort);
        await shop.Services.GetRequiredService<PrinterRegistry>().RegisterAsync(
            new PrinterRegistration("p1s", "Bambu Lab P1S", PrinterKind.BambuLan, new Size3(256, 256, 256), 0.4, "PLA", "black", "FR", AutoEject: true));

        // 240 mm deep: too deep for the 250 × 210 mm Marlin machines, within the P1S's 256 × 256 mm bed.
        var (response, quote) = await QuoteUploads.PostAsync(shop.Http, QuoteUploads.BoxStl(240, 240, 2), "tray.stl");

        Assert.True(response.StatusCode == HttpStatusCode.Created, quote?.ToJsonString());
        Assert.Equal("bambu-p1s-256x256x256", quote!["printerModel"]!["profile"]!.GetValue<string>());
        Assert.Equal(["p1s"], quote["fittingPrinters"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.True(quote["slice"]!["filamentGrams"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task Broken_oversized_and_unprintable_uploads_get_problem_details_and_leave_nothing_stored()
    {
        var settings = TestShopSettings.CreateTemporary() with { ExtraArgs = ["--MakerShop:Quoting:MaxUploadBytes=100000"] };
        await using var shop = await TestShop.StartAsync(settings);
        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort);

        var truncated = QuoteUploads.CubeStl(10)[..300];
        var (broken, problem) = await QuoteUploads.PostAsync(shop.Http, truncated, "cut.stl");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        Assert.Equal("Truncated", problem!["problem"]!.GetValue<string>());
        Assert.Contains("truncated", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var (tooLarge, _) = await QuoteUploads.PostAsync(shop.Http, new byte[200_000], "huge.stl");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);

        // Larger than every build volume: refused (nothing priced, nothing to order), saying what was measured and what
        // the largest machine takes.
        var (unprintable, refusal) = await QuoteUploads.PostAsync(shop.Http, QuoteUploads.CubeStl(300), "too-big.stl");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unprintable.StatusCode);
        Assert.Equal("application/problem+json", unprintable.Content.Headers.ContentType?.MediaType);
        Assert.Equal("too-large", refusal!["problem"]!.GetValue<string>());
        Assert.Equal("The part is larger than every printer's build volume.", refusal["title"]!.GetValue<string>());
        Assert.Contains(refusal["warnings"]!.AsArray(), w => w!["code"]!.GetValue<string>() == "too-large");
        Assert.False(refusal["fitsAnyPrinter"]!.GetValue<bool>());
        Assert.Empty(refusal["fittingPrinters"]!.AsArray());
        Assert.Equal(300, refusal["model"]!["size"]!["x"]!.GetValue<double>(), 3);
        Assert.Equal(250, refusal["largestBuildVolume"]!["x"]!.GetValue<double>());
        Assert.Null(refusal["price"]);

        var (badMaterial, invalid) = await QuoteUploads.PostAsync(shop.Http, QuoteUploads.CubeStl(10), "cube.stl", material: "Unobtainium");
        Assert.Equal(HttpStatusCode.BadRequest, badMaterial.StatusCode);
        Assert.NotNull(invalid!["errors"]!["material"]);

        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM quotes"));
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM slices"));
        var models = Path.Combine(settings.DataDirectory, "models");
        var files = Directory.Exists(models) ? Directory.GetFiles(models, "*", SearchOption.AllDirectories) : [];
        // Only well-formed models are kept (the cube and the oversized cube); no partial upload is left behind.
        Assert.All(files, f => Assert.EndsWith(".stl", f, StringComparison.Ordinal));
        Assert.Equal(await shop.CountAsync("SELECT COUNT(*) FROM models"), files.Length);

        var (missing, _) = (await shop.Http.GetAsync("/api/quotes/quo_nope"), 0);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
