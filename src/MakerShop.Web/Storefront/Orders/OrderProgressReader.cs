using System.Text;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Storefront.Orders;

/// <summary>Reads an order's progress from the database, which is the truth every shop node shares.</summary>
public sealed class OrderProgressReader(OrderStore orders, PrintJobStore jobs, PrinterStore printers, TimelineStore timeline, Shipping.ShipmentViews shipments, TimeProvider time)
{
    // Order-level events the customer cares about; job-level events name printers and attempts, which are the farm's business.
    private static readonly HashSet<string> CustomerMilestones = new(StringComparer.Ordinal)
    {
        "Placed", "Paid", "InProduction", "Produced", "Shipped", "OutForDelivery", "Delivered", "Cancelled", "Refunded",
    };

    public async Task<OrderProgressView?> ReadAsync(string orderId, CancellationToken cancellationToken)
    {
        var order = await orders.GetAsync(orderId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var orderJobs = await jobs.ListByOrderAsync(orderId, cancellationToken);
        var now = time.GetUtcNow();
        var remaining = await ReportedRemainingAsync(orderJobs, now, cancellationToken);
        var milestones = (await timeline.ListForOrderAsync(orderId, cancellationToken))
            .Where(e => e.JobId is null && CustomerMilestones.Contains(e.Kind))
            .Select(e => new OrderMilestone(e.Kind, e.At))
            .ToList();
        var shipment = await shipments.ForOrderAsync(orderId, cancellationToken);
        var parcel = shipment is not null && (shipment.TrackingNumber is not null || shipment.Tracking.Count > 0)
            ? new ParcelTracking(shipment.Carrier, shipment.TrackingNumber, shipment.TrackingUrl,
                [.. shipment.Tracking.Select(e => new ParcelScan(e.At, e.AtRaw, e.Status, e.Message, e.Location))])
            : null;
        return new OrderProgressView(order.Id, order.Status, order.PlacedAt, order.ShipBy, order.Total,
            PartProgress.For(order, orderJobs, remaining, now), milestones) { Parcel = parcel };
    }

    // A printing printer reports its own remaining time with its telemetry; it is as old as that telemetry.
    private async Task<Dictionary<string, TimeSpan>> ReportedRemainingAsync(IReadOnlyList<PrintJob> orderJobs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var printing = orderJobs.Where(j => j.Status == PrintJobStatus.Printing && j.PrinterId is not null).ToList();
        var remaining = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        if (printing.Count == 0)
        {
            return remaining;
        }

        var views = (await printers.ListWithTelemetryAsync(cancellationToken)).ToDictionary(v => v.Printer.Id, StringComparer.Ordinal);
        foreach (var job in printing)
        {
            if (views.TryGetValue(job.PrinterId!, out var view) && view.TelemetryJson is { } json
                && ContractJson.TryDeserialize<TelemetryPayload>(Encoding.UTF8.GetBytes(json)) is { EtaSeconds: { } eta } telemetry
                && telemetry.JobId == job.Id)
            {
                var left = TimeSpan.FromSeconds(eta) - (now - telemetry.At);
                remaining[job.Id] = left > TimeSpan.Zero ? left : TimeSpan.Zero;
            }
        }

        return remaining;
    }
}
