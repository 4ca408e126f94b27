using System.Collections.Concurrent;
using MakerShop.Core;
using MakerShop.Shipping.Packing;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Shipping;

/// <summary>
/// Drafts the shipment of an order that has just been Produced, in the same transaction: parcels from the printed
/// weight of each unit plus packaging, leaving from the country where the units were printed, with a customs
/// declaration when that crosses a customs border.
/// </summary>
public sealed class ShipmentPlanner(IOptions<ShippingOptions> options, DataPaths paths, ILogger<ShipmentPlanner> logger)
{
    private readonly ConcurrentDictionary<(string Path, string Material), double?> _gcodeWeights = new();

    public async Task<Shipment> CreateForProducedOrderAsync(DbSession session, Order order, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (await ShipmentStore.GetByOrderAsync(session, order.Id, cancellationToken) is { } existing)
        {
            return existing;
        }

        var settings = options.Value;
        var printedIn = await ShipmentStore.PrintedInAsync(session, order.Id, cancellationToken);
        var origin = printedIn.Count > 0 ? printedIn[0].Country : settings.ShipFrom.CountryCode;
        if (printedIn.Count > 1)
        {
            logger.LogWarning("Order {OrderId} was printed in {Countries}; it ships from {Origin}, where most units were printed",
                order.Id, string.Join(", ", printedIn.Select(p => $"{p.Country} ({p.Units})")), origin);
        }

        var products = await ProductCustomsStore.GetFactsAsync(session, order.Lines.Select(l => l.ProductId), cancellationToken);
        var unitWeights = order.Lines.Select(line => UnitWeight(line, products.GetValueOrDefault(line.ProductId))).ToList();
        var parcels = settings.Packing.ToRules().Pack([.. order.Lines.Select((line, i) => (i, line.Quantity, unitWeights[i]))]);
        var lines = order.Lines.Select((line, i) => new CustomsLine(
            $"{products.GetValueOrDefault(line.ProductId)?.Name ?? line.ProductName}, 3D printed {line.Material} plastic",
            line.Quantity,
            unitWeights[i],
            line.UnitPrice,
            origin,
            products.GetValueOrDefault(line.ProductId)?.HsCode ?? HsCode.Default,
            line.ProductId)).ToList();
        var customs = CustomsDeclarationRules.Declare(origin, order.ShippingAddress.CountryCode, lines, parcels,
            $"INV-{order.Id}", DateOnly.FromDateTime(at.UtcDateTime), settings.Customs.ToSettings(), order.Charges?.DutiesPaidBy);

        var shipment = Shipment.CreateDraft($"shp_{Guid.NewGuid():N}", order.Id, origin, order.ShippingAddress.CountryCode, parcels, customs, at);
        await ShipmentStore.InsertAsync(session, shipment, cancellationToken);
        await TimelineStore.AddOrderEventAsync(session, order.Id, "ShipmentDrafted",
            $"{parcels.Count} parcel(s) from {origin}{(customs is null ? ", no customs" : $", {customs.Form} {customs.Incoterm}")}", at, cancellationToken);
        logger.LogInformation("Drafted shipment {ShipmentId} for order {OrderId}: {Parcels} parcel(s) {Origin} -> {Destination}, customs {CustomsForm}",
            shipment.Id, order.Id, parcels.Count, origin, shipment.DestinationCountry, customs?.Form.ToString() ?? "none");
        return shipment;
    }

    private double UnitWeight(OrderLine line, ProductCustomsFacts? facts)
    {
        if (facts?.NetWeightGrams is { } measured)
        {
            return measured;
        }

        if (facts is not null && _gcodeWeights.GetOrAdd((facts.GcodePath, line.Material), key => FromGcode(key.Path, key.Material)) is { } estimated)
        {
            return estimated;
        }

        logger.LogWarning("No weight known for product {ProductId}; using the fallback unit weight", line.ProductId);
        return options.Value.Packing.FallbackUnitGrams;
    }

    private double? FromGcode(string relativePath, string material)
    {
        var file = Path.Combine(paths.DataDirectory, relativePath);
        if (!File.Exists(file))
        {
            return null;
        }

        using var reader = File.OpenText(file);
        var grams = FilamentWeight.Grams(reader, options.Value.Packing.FilamentDiameterMm, FilamentWeight.DensityOf(material));
        return grams > 0 ? Math.Round(grams, 1, MidpointRounding.AwayFromZero) : null;
    }
}
