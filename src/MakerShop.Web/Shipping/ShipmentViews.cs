using MakerShop.Storage.Stores;
using MakerShop.Web.Shipping.Contracts;

namespace MakerShop.Web.Shipping;

/// <summary>Reads a shipment with its tracking timeline for the API (the order page and the owner's screens).</summary>
public sealed class ShipmentViews(ShipmentStore shipments, ShipmentEventStore events)
{
    public async Task<ShipmentResponse?> ForOrderAsync(string orderId, CancellationToken cancellationToken = default) =>
        await shipments.GetByOrderAsync(orderId, cancellationToken) is { } shipment
            ? ShipmentResponse.From(shipment, await events.ListAsync(shipment.Id, cancellationToken))
            : null;

    public async Task<ShipmentResponse?> GetAsync(string shipmentId, CancellationToken cancellationToken = default) =>
        await shipments.GetAsync(shipmentId, cancellationToken) is { } shipment
            ? ShipmentResponse.From(shipment, await events.ListAsync(shipment.Id, cancellationToken))
            : null;
}
