using System.Globalization;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Geometry.Gcode;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Materials;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Admin;

/// <summary>Filament taken down for jobs that ended part-way, and nothing made up for a job whose filament is unknown.</summary>
public sealed class SpoolConsumptionTests
{
    [Fact]
    public async Task A_job_stopped_part_way_takes_down_its_share_once_and_a_job_with_no_gcode_records_nothing()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        var consumption = shop.Services.GetRequiredService<SpoolConsumption>();
        var connections = shop.Services.GetRequiredService<SqliteConnectionFactory>();
        var paths = shop.Services.GetRequiredService<DataPaths>();
        var orderId = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());
        var jobId = await shop.TextAsync($"SELECT id FROM print_jobs WHERE order_id = '{orderId}'");
        var at = DateTimeOffset.UtcNow;

        PrintJob job;
        await using (var session = await DbSession.BeginAsync(connections))
        {
            job = (await PrintJobStore.GetAsync(session, jobId!))!;
            var lost = PrintJob.Create("job_lost_gcode", orderId, 1, job.ProductId, job.Material, job.Colour, job.PartSize, TimeSpan.FromHours(1),
                "gcode/not-there.gcode", new string('a', 64), 10, at.AddDays(3), false, 3, at);
            await PrintJobStore.InsertAsync(session, lost);
            await consumption.TakeDownAsync(session, job, "printer-gone", 0.4, at, default);
            await consumption.TakeDownAsync(session, job, "printer-gone", 0.4, at, default);
            await consumption.TakeDownAsync(session, lost, "printer-gone", 1, at, default);
            await session.CommitAsync();
        }

        var whole = await shop.TextAsync($"SELECT CAST(filament_grams AS TEXT) FROM products WHERE gcode_sha256 = '{job.GcodeSha256}' AND filament_grams IS NOT NULL") is { } known
            ? double.Parse(known, CultureInfo.InvariantCulture)
            : Math.Round(GcodeAnalyzer.Analyze(Path.Combine(paths.DataDirectory, job.GcodePath)).FilamentGrams, 2);
        Assert.True(whole > 0);
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM spool_usage WHERE job_id = '{job.Id}'"));
        var grams = double.Parse((await shop.TextAsync($"SELECT CAST(grams AS TEXT) FROM spool_usage WHERE job_id = '{job.Id}'"))!, CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round(whole * 0.4, 2), grams, 2);
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM spool_usage WHERE job_id = 'job_lost_gcode'"));
    }
}
