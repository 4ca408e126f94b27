using MakerShop.Core;
using MakerShop.Shipping.Documents;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Shipping;

/// <summary>
/// The papers of a shipment: the stored label, the customs declaration and the commercial invoice, with the sender in
/// the country the parcel leaves from and the gross weight read from the parcels; and the day's bundle of them all.
/// </summary>
public sealed class ShipmentPaperwork(
    ShipmentStore shipments,
    OrderStore orders,
    ShipmentDeskStore desk,
    LabelFileStore labels,
    MakerShop.Web.Production.OrderNumbers numbers,
    IOptions<ShippingOptions> options)
{
    public async Task<ShipmentDocument?> GetAsync(string shipmentId, ShipmentDocumentKind kind, CancellationToken cancellationToken = default)
    {
        if (await shipments.GetAsync(shipmentId, cancellationToken) is not { } shipment
            || await orders.GetAsync(shipment.OrderId, cancellationToken) is not { } order)
        {
            return null;
        }

        return await RenderAsync(shipment, order, kind, cancellationToken);
    }

    /// <summary>
    /// One PDF with, for every shipment labelled on <paramref name="day"/> (UTC), its label when the shop keeps it, then
    /// its customs declaration and commercial invoice; null when nothing was labelled that day.
    /// </summary>
    public async Task<ShipmentDocument?> DayBundleAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var parts = new List<PrintableDocument>();
        foreach (var id in await desk.LabelledBetweenAsync(from, from.AddDays(1), cancellationToken))
        {
            if (await shipments.GetAsync(id, cancellationToken) is not { } shipment || await orders.GetAsync(shipment.OrderId, cancellationToken) is not { } order)
            {
                continue;
            }

            foreach (var kind in Enum.GetValues<ShipmentDocumentKind>())
            {
                if (await RenderAsync(shipment, order, kind, cancellationToken) is { } document)
                {
                    parts.Add(document.File);
                }
            }
        }

        return parts.Count == 0
            ? null
            : new ShipmentDocument(new PrintableDocument(DocumentBundle.Merge(parts, $"Shipping documents {day:yyyy-MM-dd}"), "application/pdf"), $"shipping-documents-{day:yyyy-MM-dd}.pdf");
    }

    /// <summary>The parties and weights printed on the customs forms of <paramref name="shipment"/>.</summary>
    public ShipperDetails DetailsFor(Shipment shipment, Order order)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        ArgumentNullException.ThrowIfNull(order);
        var from = options.Value.ShipFrom;
        var gross = shipment.Customs?.GrossWeightGrams(shipment.Parcels) ?? shipment.Parcels.Sum(p => p.WeightGrams);
        return new ShipperDetails(from.SenderFor(shipment.OriginCountry), order.ShippingAddress, numbers.Format(order), from.Signer, gross, shipment.Parcels.Count);
    }

    private async Task<ShipmentDocument?> RenderAsync(Shipment shipment, Order order, ShipmentDocumentKind kind, CancellationToken cancellationToken)
    {
        var reference = numbers.Format(order);
        if (kind == ShipmentDocumentKind.Label)
        {
            return await labels.GetAsync(shipment.Id, cancellationToken) is { } label
                ? new ShipmentDocument(label, $"label-{reference}{(label.ContentType == "application/pdf" ? ".pdf" : label.ContentType == "image/png" ? ".png" : ".jpg")}")
                : null;
        }

        if (shipment.Customs is not { } customs)
        {
            return null;
        }

        var documents = new CustomsDocuments(options.Value.FontDirectory);
        var details = DetailsFor(shipment, order);
        return kind == ShipmentDocumentKind.CustomsDeclaration
            ? new ShipmentDocument(new PrintableDocument(documents.RenderCustomsDeclaration(customs, details), "application/pdf"), $"{customs.Form.ToString().ToLowerInvariant()}-{reference}.pdf")
            : new ShipmentDocument(new PrintableDocument(documents.RenderCommercialInvoice(customs, details), "application/pdf"), $"invoice-{reference}.pdf");
    }
}
