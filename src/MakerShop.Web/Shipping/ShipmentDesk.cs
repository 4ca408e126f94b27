using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Shipping;

/// <summary>
/// The owner's fulfilment actions that are not labels: re-weighing and measuring the boxes before the label (the
/// customs form is decided again for the new weight), and saying the labelled parcels are with the carrier.
/// </summary>
public sealed class ShipmentDesk(SqliteConnectionFactory connections, IOptions<ShippingOptions> options, TimeProvider time, ILogger<ShipmentDesk> logger)
{
    /// <summary>Replaces the parcels' weights and sides; <see cref="DomainValidationException"/> names a bad field.</summary>
    public async Task<DeskResult> UpdateParcelsAsync(string shipmentId, IReadOnlyList<ParcelInput> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var now = time.GetUtcNow();
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        if (await ShipmentStore.GetAsync(session, shipmentId, cancellationToken) is not { } shipment)
        {
            return DeskResult.NotFound;
        }

        if (shipment.Status != ShipmentStatus.Draft || inputs.Count != shipment.Parcels.Count)
        {
            return DeskResult.Conflict;
        }

        var parcels = shipment.Parcels
            .Select((p, i) => ParcelLimits.Check(p with { WeightGrams = inputs[i].WeightGrams, Dimensions = new Size3(inputs[i].LengthMm, inputs[i].WidthMm, inputs[i].HeightMm) }, i))
            .ToList();
        var customs = shipment.Customs is { } declaration
            ? CustomsDeclarationRules.Reassess(declaration, parcels, options.Value.Customs.ToSettings())
            : null;
        shipment.ReplaceParcels(parcels, customs, now);
        if (!await ShipmentStore.UpdateParcelsAsync(session, shipment, cancellationToken))
        {
            return DeskResult.Conflict;
        }

        await TimelineStore.AddOrderEventAsync(session, shipment.OrderId, "ShipmentParcelsEdited",
            string.Join("; ", parcels.Select(p => $"{p.WeightGrams:0} g {p.Dimensions.X:0}x{p.Dimensions.Y:0}x{p.Dimensions.Z:0} mm")), now, cancellationToken);
        await session.CommitAsync(cancellationToken);
        logger.LogInformation("Parcels of shipment {ShipmentId} re-weighed: {Parcels} parcel(s), customs form {CustomsForm}", shipmentId, parcels.Count, customs?.Form.ToString() ?? "none");
        return DeskResult.Done;
    }

    public async Task<DeskResult> HandOverAsync(string shipmentId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        if (await ShipmentStore.GetAsync(session, shipmentId, cancellationToken) is not { } shipment)
        {
            return DeskResult.NotFound;
        }

        if (shipment.Status == ShipmentStatus.Draft || shipment.HandedOverAt is not null)
        {
            return DeskResult.Conflict;
        }

        shipment.MarkHandedOver(now);
        await TimelineStore.AddOrderEventAsync(session, shipment.OrderId, ShipmentStore.HandedOverKind,
            $"{shipment.Label?.Carrier} {shipment.Label?.TrackingNumber}", now, cancellationToken);
        await session.CommitAsync(cancellationToken);
        logger.LogInformation("Shipment {ShipmentId} of order {OrderId} handed over to the carrier", shipmentId, shipment.OrderId);
        return DeskResult.Done;
    }
}
