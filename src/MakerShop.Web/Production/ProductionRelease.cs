using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Options;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Production;

/// <summary>Turns a paid order into its print jobs: one per unit of each line, with the product's stored G-code.</summary>
public sealed class ProductionRelease(ProductStore products, IOptions<ShopOptions> shopOptions)
{
    public async Task<IReadOnlyList<PrintJob>> JobsForAsync(Order order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var jobs = new List<PrintJob>();
        var unit = 0;
        foreach (var line in order.Lines)
        {
            var product = await products.GetAsync(line.ProductId, cancellationToken)
                ?? throw new DomainException($"Order {order.Id} asks for product '{line.ProductId}', which is no longer in the catalog.");
            for (var q = 0; q < line.Quantity; q++)
            {
                jobs.Add(PrintJob.Create(
                    Ids.NewJobId(), order.Id, unit++, product.Id, line.Material, line.Colour, product.PartSize, product.EstimatedPrintTime,
                    product.Gcode.RelativePath, product.Gcode.Sha256, product.Gcode.SizeBytes, order.ShipBy, order.Express,
                    shopOptions.Value.MaxPrintAttempts, now));
            }
        }

        return jobs;
    }
}
