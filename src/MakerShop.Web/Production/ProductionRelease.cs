using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Options;
using MakerShop.Web.Quotes;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Production;

/// <summary>
/// Turns an order paid after it was placed into its print jobs: one per unit of each line, printing the catalog
/// product's stored G-code, or for a quoted line ("quote:{id}") the very slice that was quoted, on a printer of the
/// model it was sliced for.
/// </summary>
public sealed class ProductionRelease(ProductStore products, QuoteService quotes, IOptions<ShopOptions> shopOptions)
{
    public const string QuotedLinePrefix = "quote:";

    public async Task<IReadOnlyList<PrintJob>> JobsForAsync(Order order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var jobs = new List<PrintJob>();
        var unit = 0;
        foreach (var line in order.Lines)
        {
            var (size, printTime, gcode, model) = await SourceOfAsync(order, line, cancellationToken);
            for (var q = 0; q < line.Quantity; q++)
            {
                var job = PrintJob.Create(
                    Ids.NewJobId(), order.Id, unit++, line.ProductId, line.Material, line.Colour, size, printTime,
                    gcode.RelativePath, gcode.Sha256, gcode.SizeBytes, order.ShipBy, order.Express,
                    shopOptions.Value.MaxPrintAttempts, now);
                jobs.Add(model is null ? job : job.RequirePrinterModel(model));
            }
        }

        return jobs;
    }

    private async Task<(Size3 Size, TimeSpan PrintTime, StoredGcode Gcode, PrinterModel? Model)> SourceOfAsync(Order order, OrderLine line, CancellationToken cancellationToken)
    {
        if (line.ProductId.StartsWith(QuotedLinePrefix, StringComparison.Ordinal))
        {
            // A quote's expiry limits when it can be ordered, not when a placed order is printed.
            var quote = await quotes.GetForOrderAsync(line.ProductId[QuotedLinePrefix.Length..], cancellationToken)
                ?? throw new DomainException($"Order {order.Id} prints quote {line.ProductId}, which is no longer stored.");
            var size = quote.Document.Model.Size;
            return (new Size3(size.X, size.Y, size.Z), TimeSpan.FromSeconds(quote.Slice.PrintSeconds),
                new StoredGcode(quote.Slice.GcodePath, quote.Slice.GcodeSha256, quote.Slice.GcodeSize), quote.Document.PrinterModel?.ToModel());
        }

        var product = await products.GetAsync(line.ProductId, cancellationToken)
            ?? throw new DomainException($"Order {order.Id} asks for product '{line.ProductId}', which is no longer in the catalog.");
        return (product.PartSize, product.EstimatedPrintTime, product.Gcode, null);
    }
}
