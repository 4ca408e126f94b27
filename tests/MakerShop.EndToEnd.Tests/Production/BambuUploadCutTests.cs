using System.IO.Compression;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Printers.Http;

namespace MakerShop.EndToEnd.Tests.Production;

/// <summary>An upload to a Bambu Lab printer cut half-way, through the real dispatcher, outbox, connector and FTPS client.</summary>
public sealed class BambuUploadCutTests
{
    [Fact]
    public async Task A_job_whose_upload_is_cut_half_way_is_retried_and_the_printer_prints_the_whole_file_exactly_once()
    {
        await using var farm = await BambuShop.StartAsync();
        await farm.ProvisionAsync();
        await farm.WaitForPrinterAsync(s => s == "Idle|", "idle");
        farm.Ftps.CutNextUploadAfter(1024);

        var order = await ShopApi.PlaceOrderAsync(farm.Shop.Http, ShopApi.OrderBody(colour: "black"));
        await ShopApi.WaitForOrdersAsync(farm.Shop.Http, [order], "Produced", TimeSpan.FromMinutes(2));

        Assert.Equal(1, farm.Ftps.UploadsCut);
        var jobId = await farm.Shop.TextAsync($"SELECT id FROM print_jobs WHERE order_id = '{order}' AND status = 'Completed'");
        Assert.NotNull(jobId);
        Assert.Equal(1, await farm.Shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{order}'"));
        Assert.Equal(1, await farm.Shop.CountAsync($"SELECT COUNT(*) FROM timeline_events WHERE order_id = '{order}' AND kind = 'Refused' AND detail = '{HttpPrinterConnector.UploadInterrupted}'"));

        // Started once, from the whole file: the cut attempt left nothing behind to start from.
        var file = jobId + ".gcode.3mf";
        Assert.Equal([file], farm.Printer.PrintsStarted);
        Assert.Equal([file], Directory.GetFiles(farm.Storage).Select(Path.GetFileName));
        using var package = ZipFile.OpenRead(Path.Combine(farm.Storage, file));
        var plate = Assert.Single(package.Entries, e => e.FullName == "Metadata/plate_1.gcode");
        Assert.True(plate.Length > 1024);
    }
}
