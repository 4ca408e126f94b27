using System.Diagnostics;
using System.Net;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Devices;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Quotes;

/// <summary>
/// Issue 19, item 5: a degenerate model never reaches the slicer, one client cannot queue more than its share, another
/// client is served in turn instead of behind the flood, and a slice that waits too long is answered 503. Real host,
/// real PrusaSlicer (behind a gate the test opens).
/// </summary>
public sealed class SlicingQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_1_kb_3mf_with_an_all_zero_transform_is_refused_at_once_without_running_the_slicer()
    {
        using var slicer = new GatedSlicer(open: true);
        await using var shop = await StartShopAsync(slicer);
        var attack = AllZeroTransform3mf();
        Assert.True(attack.Length < 1024);

        var watch = Stopwatch.StartNew();
        var (response, problem) = await QuoteUploads.PostAsync(shop.Http, attack, "zero.3mf");
        watch.Stop();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("DegenerateTransform", problem!["problem"]!.GetValue<string>());
        Assert.Contains("nothing to print", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, slicer.Started);
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM models"));
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM slices"));
        // The attack held a slot for 15 to 45 s; the refusal is a read of 1 KB (generous for a loaded machine).
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"refused after {watch.Elapsed}");
    }

    [Fact]
    public async Task A_client_over_its_queue_bound_gets_429_at_once_and_another_client_is_quoted_before_the_flood()
    {
        using var slicer = new GatedSlicer();
        await using var shop = await StartShopAsync(slicer, "--MakerShop:Slicing:MaxQueuedPerClient=2", "--MakerShop:Slicing:QueueTimeoutSeconds=600");
        using var clientA = GatedSlicer.ClientFrom("127.0.0.1", shop.Http.BaseAddress!);
        using var clientB = GatedSlicer.ClientFrom("127.0.0.2", shop.Http.BaseAddress!);

        // A's first quote takes the only slot and holds it at the gate.
        var a1 = QuoteUploads.PostAsync(clientA, QuoteUploads.CubeStl(10), "a1.stl");
        await Eventually.UntilAsync(() => slicer.Started == 1, Patience, "A's first slice to start");

        // Two more from A at once: one waits its turn, the other is over A's bound of 2 and is refused without waiting.
        var a2 = QuoteUploads.PostAsync(clientA, QuoteUploads.CubeStl(11), "a2.stl");
        var a3 = QuoteUploads.PostAsync(clientA, QuoteUploads.CubeStl(12), "a3.stl");
        var refusedFirst = await Task.WhenAny(a2, a3).WaitAsync(Patience);
        var (refused, problem) = await refusedFirst;
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Contains("2 models", problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(a1.IsCompleted, "the 429 came while A's first slice still held the slot");
        var aWaiting = refusedFirst == a2 ? a3 : a2;

        // B arrives last, but the next slot goes to the client served least recently: B, as soon as A's first is done.
        var b = QuoteUploads.PostAsync(clientB, QuoteUploads.CubeStl(13), "b.stl");
        await Eventually.UntilAsync(async () => await shop.CountAsync("SELECT COUNT(*) FROM models") == 4, Patience, "B's model to be stored");
        slicer.Open();

        var (bResponse, bQuote) = await b.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(bResponse.StatusCode == HttpStatusCode.Created, bQuote?.ToJsonString());
        Assert.False(aWaiting.IsCompleted, "B's quote came before A's queued one, not behind it");
        Assert.Equal(HttpStatusCode.Created, (await a1).Response.StatusCode);
        var (aLast, aLastQuote) = await aWaiting.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(aLast.StatusCode == HttpStatusCode.Created, aLastQuote?.ToJsonString());
        Assert.Equal(3, slicer.Started);
        Assert.Equal(3, await shop.CountAsync("SELECT COUNT(*) FROM quotes"));
    }

    [Fact]
    public async Task A_quote_that_waits_longer_than_the_queue_timeout_gets_503_with_retry_after()
    {
        using var slicer = new GatedSlicer();
        await using var shop = await StartShopAsync(slicer, "--MakerShop:Slicing:QueueTimeoutSeconds=2", "--MakerShop:Slicing:RetryAfterSeconds=45");
        using var clientA = GatedSlicer.ClientFrom("127.0.0.1", shop.Http.BaseAddress!);
        using var clientB = GatedSlicer.ClientFrom("127.0.0.2", shop.Http.BaseAddress!);

        var holding = QuoteUploads.PostAsync(clientA, QuoteUploads.CubeStl(10), "a.stl");
        await Eventually.UntilAsync(() => slicer.Started == 1, Patience, "the first slice to start");

        var (timedOut, problem) = await QuoteUploads.PostAsync(clientB, QuoteUploads.CubeStl(14), "b.stl");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, timedOut.StatusCode);
        Assert.Equal("application/problem+json", timedOut.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(45), timedOut.Headers.RetryAfter?.Delta);
        Assert.Equal(45, problem!["retryAfterSeconds"]!.GetValue<long>());
        Assert.Equal(1, slicer.Started);

        // The slot holder is unaffected, and B's retry (its turn now free) is quoted.
        slicer.Open();
        Assert.Equal(HttpStatusCode.Created, (await holding.WaitAsync(TimeSpan.FromMinutes(3))).Response.StatusCode);
        var (retried, quote) = await QuoteUploads.PostAsync(clientB, QuoteUploads.CubeStl(14), "b.stl");
        Assert.True(retried.StatusCode == HttpStatusCode.Created, quote?.ToJsonString());
    }

    private static async Task<TestShop> StartShopAsync(GatedSlicer slicer, params string[] extra)
    {
        var settings = TestShopSettings.CreateTemporary() with
        {
            ExtraArgs = [$"--MakerShop:Slicing:SlicerCommand={slicer.Command}", "--MakerShop:Slicing:MaxConcurrentSlices=1", .. extra],
        };
        var shop = await TestShop.StartAsync(settings);

        // A printer of the standard model is enough for the quote to slice; no bridge needs to run for a quote.
        await shop.Services.GetRequiredService<PrinterRegistry>().RegisterAsync(
            new PrinterRegistration("queue-printer", "Marlin", PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, "PLA", "black", "FR", AutoEject: true));
        return shop;
    }

    private static byte[] AllZeroTransform3mf()
    {
        using var memory = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("3D/3dmodel.model", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            entry.Write(System.Text.Encoding.UTF8.GetBytes(
                """<model unit="millimeter" xmlns="http://schemas.microsoft.com/3dmanufacturing/core/2015/02"><resources><object id="1"><mesh><vertices><vertex x="0" y="0" z="0"/><vertex x="10" y="0" z="0"/><vertex x="0" y="10" z="0"/><vertex x="0" y="0" z="10"/></vertices><triangles><triangle v1="0" v2="2" v3="1"/><triangle v1="0" v2="1" v3="3"/><triangle v1="1" v2="2" v3="3"/><triangle v1="0" v2="3" v3="2"/></triangles></mesh></object></resources><build><item objectid="1" transform="0 0 0 0 0 0 0 0 0 0 0 0"/></build></model>"""));
        }

        return memory.ToArray();
    }
}
