using MakerShop.Core;
using MakerShop.Shipping.Carriers;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Notifications;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Shipping;

/// <summary>
/// Puts a label on a draft shipment: a tracking number the owner typed (checked against the carrier's check digit)
/// or a label bought from EasyPost or Shippo. The label ships the order.
/// </summary>
public sealed class ShipmentLabels(
    SqliteConnectionFactory connections,
    ShipmentStore shipments,
    OrderStore orders,
    OrderShippingChoiceStore choices,
    IEnumerable<ICarrierGateway> gateways,
    IOptions<ShippingOptions> options,
    ShipmentNotifier notifier,
    LabelFileFetcher labelFiles,
    MakerShop.Channels.FulfilmentWork channelFulfilments,
    TimeProvider time,
    ILogger<ShipmentLabels> logger)
{
    public async Task<LabelResult> AttachManualAsync(string shipmentId, string? carrierId, string? trackingNumber, bool acceptUnverified, CancellationToken cancellationToken = default)
    {
        var carrier = carrierId is null ? null : options.Value.FindCarrier(carrierId);
        if (carrier is null)
        {
            return new LabelResult.Invalid("carrier", $"'{carrierId}' is not a configured carrier ({string.Join(", ", options.Value.Carriers.Select(c => c.Id))}).");
        }

        var number = TrackingNumberCheck.Normalise(trackingNumber);
        if (number.Length == 0)
        {
            return new LabelResult.Invalid("trackingNumber", "A tracking number is required.");
        }

        if (carrier.TrackingFormat is { } format && TrackingNumberCheck.Problem(format, number) is { } problem && !acceptUnverified)
        {
            return new LabelResult.Invalid("trackingNumber", $"{problem} Check the number, or send acceptUnverified: true for a format this check does not know yet.");
        }

        var url = carrier.TrackingUrlTemplate is { } template ? string.Format(System.Globalization.CultureInfo.InvariantCulture, template, number) : null;
        return await AttachAsync(shipmentId, new ShippingLabel("manual", carrier.ProviderCarrier ?? carrier.Id, number, null, null, null, url), cancellationToken);
    }

    public async Task<LabelResult> BuyAsync(string shipmentId, string provider, string? rateId, CancellationToken cancellationToken = default)
    {
        var gateway = gateways.FirstOrDefault(g => g.Provider == provider);
        if (gateway is null)
        {
            return new LabelResult.Invalid("provider", $"'{provider}' is not a configured label provider.");
        }

        var request = await RequestAsync(shipmentId, cancellationToken);
        if (request is null)
        {
            return new LabelResult.NotFound(shipmentId);
        }

        if (request.Shipment.Status != ShipmentStatus.Draft)
        {
            return new LabelResult.Conflict($"Shipment {shipmentId} already has a label ({request.Shipment.Status}).");
        }

        LabelOutcome outcome;
        try
        {
            rateId ??= await PaidForRateAsync(gateway, request, cancellationToken);
            outcome = await gateway.BuyLabelAsync(request, rateId, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("{Provider} could not be reached for shipment {ShipmentId}: {Error}", provider, shipmentId, ex.Message);
            return new LabelResult.ProviderRefused($"{provider} could not be reached: {ex.Message}", null);
        }

        if (outcome.Label is null)
        {
            return new LabelResult.ProviderRefused(outcome.Error ?? "The provider refused.", outcome.ProviderStatusCode);
        }

        var attached = await AttachAsync(shipmentId, outcome.Label, cancellationToken);
        if (attached is LabelResult.Labelled)
        {
            await labelFiles.FetchAsync(shipmentId, outcome.Label, cancellationToken);
        }

        return attached;
    }

    // Without a rate named by the owner, the label is the carrier and service the customer paid for at checkout when the
    // provider offers it; only otherwise does the provider's cheapest rate stand in.
    private async Task<string?> PaidForRateAsync(ICarrierGateway gateway, LabelRequest request, CancellationToken cancellationToken)
    {
        if (await choices.GetAsync(request.Shipment.OrderId, cancellationToken) is not { } paid)
        {
            return null;
        }

        var carrier = options.Value.FindCarrier(paid.Carrier);
        var names = new[] { paid.Carrier, carrier?.ProviderCarrier, carrier?.Id }.OfType<string>().ToList();
        var rates = await gateway.QuoteAsync(request, cancellationToken);
        var match = rates.FirstOrDefault(r => r.RateId is not null
            && names.Any(n => string.Equals(n, r.Carrier, StringComparison.OrdinalIgnoreCase))
            && string.Equals(r.Service, paid.Service, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            logger.LogWarning("{Provider} offers no {Carrier} {Service} rate for shipment {ShipmentId} of order {OrderId}, which the customer paid for; buying its cheapest rate",
                gateway.Provider, paid.Carrier, paid.Service, request.Shipment.Id, request.Shipment.OrderId);
        }

        return match?.RateId;
    }

    /// <summary>Prices from the carrier rate tables and, where a provider is configured, live rates.</summary>
    public async Task<IReadOnlyList<RateQuote>?> QuoteAsync(string shipmentId, CancellationToken cancellationToken = default)
    {
        var request = await RequestAsync(shipmentId, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var quotes = new List<RateQuote>();
        foreach (var table in options.Value.RateTables)
        {
            var divisor = options.Value.FindCarrier(table.Carrier)?.VolumetricDivisor ?? 5000;
            if (new MakerShop.Shipping.Rates.RateTable(table, divisor).Quote(request.Shipment) is { } quote)
            {
                quotes.Add(quote);
            }
        }

        // A provider that is down costs its live rates, not the table rates.
        foreach (var gateway in gateways)
        {
            try
            {
                quotes.AddRange(await gateway.QuoteAsync(request, cancellationToken));
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning("{Provider} rates for shipment {ShipmentId} are unavailable: {Error}", gateway.Provider, shipmentId, ex.Message);
            }
        }

        return quotes;
    }

    public async Task<LabelRequest?> RequestAsync(string shipmentId, CancellationToken cancellationToken = default)
    {
        var shipment = await shipments.GetAsync(shipmentId, cancellationToken);
        if (shipment is null || await orders.GetAsync(shipment.OrderId, cancellationToken) is not { } order)
        {
            return null;
        }

        var from = options.Value.ShipFrom;
        return new LabelRequest(shipment, from.ToAddress(shipment.OriginCountry == from.CountryCode ? null : shipment.OriginCountry),
            order.ShippingAddress, order.CustomerEmail, order.Id, from.Signer);
    }

    private async Task<LabelResult> AttachAsync(string shipmentId, ShippingLabel label, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Order order;
        Shipment shipment;
        bool owedToChannel;
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            var found = await ShipmentStore.GetAsync(session, shipmentId, cancellationToken);
            if (found is null)
            {
                return new LabelResult.NotFound(shipmentId);
            }

            shipment = found;
            if (shipment.Status != ShipmentStatus.Draft)
            {
                if (label.Provider != "manual")
                {
                    logger.LogError("Bought {Provider} label {TrackingNumber} for shipment {ShipmentId}, which was labelled meanwhile: refund it", label.Provider, label.TrackingNumber, shipmentId);
                }

                return new LabelResult.Conflict($"Shipment {shipmentId} already has a label ({shipment.Status}).");
            }

            shipment.AttachLabel(label, now);
            await ShipmentStore.UpdateAsync(session, shipment, cancellationToken);
            order = await OrderStore.GetAsync(session, shipment.OrderId, cancellationToken)
                ?? throw new InvalidOperationException($"Shipment {shipmentId} belongs to a missing order.");
            if (order.CanTransitionTo(OrderStatus.Shipped))
            {
                order.MarkShipped(now);
                await OrderStore.UpdateStatusAsync(session, order, cancellationToken);
            }

            await TimelineStore.AddOrderEventAsync(session, order.Id, "Shipped", $"{label.Carrier} {label.TrackingNumber} ({label.Provider})", now, cancellationToken);

            // An order from a sales channel owes the channel its tracking: written with the label, sent by the channel's outbox.
            owedToChannel = await ChannelFulfilmentStore.EnqueueAsync(session, order.Id, shipment.Id, label.Carrier, label.TrackingNumber, label.PublicTrackingUrl, now, cancellationToken);
            await session.CommitAsync(cancellationToken);
        }

        if (owedToChannel)
        {
            channelFulfilments.Wake();
        }

        logger.LogInformation("Shipment {ShipmentId} of order {OrderId} labelled: {Carrier} {TrackingNumber} via {Provider}", shipment.Id, order.Id, label.Carrier, label.TrackingNumber, label.Provider);
        await notifier.ShipmentChangedAsync(order, shipment, cancellationToken);
        return new LabelResult.Labelled(shipment);
    }
}
