using System.Security.Cryptography;
using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Demo;

/// <summary>Fills an empty catalog with the demo products and writes their G-code into the data folder.</summary>
public sealed class DemoCatalogSeeder(ProductStore products, DataPaths paths, TimeProvider timeProvider, ILogger<DemoCatalogSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await products.CountAsync(cancellationToken) > 0)
        {
            return;
        }

        foreach (var demo in DemoCatalog.Products)
        {
            var relative = Path.Combine("gcode", $"{demo.Id}.gcode");
            var file = Path.Combine(paths.DataDirectory, relative);
            TimeSpan estimate;
            await using (var writer = new StreamWriter(file, append: false))
            {
                estimate = DemoGcodeWriter.Write(writer, demo.Shape, demo.Name);
            }

            await using var stream = File.OpenRead(file);
            var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
            var product = new Product(
                demo.Id, demo.Name, demo.Description, Money.FromMinor(demo.PriceEuroCents, Currency.Eur),
                new Size3(demo.Shape.Width, demo.Shape.Round ? demo.Shape.Width : demo.Shape.Depth, demo.Shape.Height),
                estimate, new StoredGcode(relative, sha, stream.Length), demo.Materials, LeadTimeDays: 5);
            await products.InsertAsync(product, timeProvider.GetUtcNow(), cancellationToken);
            logger.LogInformation("Seeded demo product {ProductId}: {Minutes:F0} min print, {Bytes} bytes of G-code", product.Id, estimate.TotalMinutes, stream.Length);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
