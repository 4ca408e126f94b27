using System.Globalization;
using MakerShop.Core;
using MakerShop.Shipping.Carriers;
using MakerShop.Shipping.Tracking;
using Microsoft.Extensions.Logging;

namespace MakerShop.Shipping.Shippo;

/// <summary>
/// Labels, rates and tracks through Shippo. Customs weights and values go as line totals, as Shippo's API reference
/// documents them (its AI guide says per unit: an open question to settle against the live API before going live).
/// DAP is sent as DDU, which Shippo asks for with carriers that do not take DAP.
/// </summary>
public sealed class ShippoGateway(IShippoApi api, ILogger<ShippoGateway> logger) : ICarrierGateway
{
    public string Provider => "shippo";

    public async Task<IReadOnlyList<RateQuote>> QuoteAsync(LabelRequest request, CancellationToken cancellationToken = default)
    {
        var response = await api.CreateShipmentAsync(Build(request), cancellationToken);
        return response.IsSuccessStatusCode && response.Content is { } shipment ? Quotes(shipment) : [];
    }

    public async Task<LabelOutcome> BuyLabelAsync(LabelRequest request, string? rateId, CancellationToken cancellationToken = default)
    {
        var created = await api.CreateShipmentAsync(Build(request), cancellationToken);
        if (!created.IsSuccessStatusCode || created.Content is not { } shipment)
        {
            logger.LogWarning("Shippo refused shipment {ShipmentId}: {Status}", request.Shipment.Id, ApiStatus.Code(created));
            return LabelOutcome.Refused($"Shippo refused the shipment ({ApiStatus.Code(created)}).", ApiStatus.Code(created));
        }

        var quotes = Quotes(shipment);
        var rate = rateId is null ? quotes.FirstOrDefault() : quotes.FirstOrDefault(q => q.RateId == rateId);
        if (rate is null)
        {
            return LabelOutcome.Refused(rateId is null ? "Shippo offered no rate for this shipment." : $"Shippo has no rate '{rateId}' for this shipment.");
        }

        var bought = await api.BuyAsync(new ShippoTransactionRequest(rate.RateId!, "PDF", Async: false), cancellationToken);
        if (!bought.IsSuccessStatusCode || bought.Content is not { Status: "SUCCESS", TrackingNumber: { } number } transaction)
        {
            logger.LogWarning("Shippo refused to buy rate {RateId} for shipment {ShipmentId}: {Status}", rate.RateId, request.Shipment.Id, ApiStatus.Code(bought));
            return LabelOutcome.Refused($"Shippo did not issue the label ({ApiStatus.Code(bought)} {bought.Content?.Status}).", ApiStatus.Code(bought));
        }

        return LabelOutcome.Bought(new ShippingLabel(Provider, rate.Carrier, number, shipment.ObjectId, transaction.ObjectId, transaction.LabelUrl, transaction.TrackingUrlProvider));
    }

    public async Task<TrackingNotice?> PollAsync(string carrier, string trackingNumber, string? trackerId, CancellationToken cancellationToken = default)
    {
        var response = await api.GetTrackAsync(carrier.ToLowerInvariant(), trackingNumber, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Shippo track {Carrier} {TrackingNumber} answered {Status}", carrier, trackingNumber, ApiStatus.Code(response));
            return null;
        }

        return ShippoTrackReader.Read(response.Content, DateTimeOffset.UnixEpoch);
    }

    private static ShippoShipmentRequest Build(LabelRequest request)
    {
        var shipment = request.Shipment;
        var customs = shipment.Customs;
        return new ShippoShipmentRequest(
            ToAddress(request.From, null),
            ToAddress(request.To, request.RecipientEmail),
            [.. shipment.Parcels.Select(p => new ShippoParcel(Cm(p.Dimensions.X), Cm(p.Dimensions.Y), Cm(p.Dimensions.Z), "cm", Number(p.WeightGrams), "g"))],
            customs is null ? null : new ShippoCustomsDeclaration(
                Certify: true,
                CertifySigner: request.CustomsSigner,
                ContentsType: customs.ContentsType.ToUpperInvariant(),
                NonDeliveryOption: "RETURN",
                Incoterm: customs.Incoterm == Incoterm.DDP ? "DDP" : "DDU",
                Invoice: customs.InvoiceNumber,
                ExporterIdentification: customs.EoriNumber is null && customs.IossNumber is null
                    ? null
                    : new ShippoExporterIdentification(customs.EoriNumber, customs.IossNumber is { } ioss ? new ShippoTaxId(ioss, "IOSS") : null),
                Items: [.. customs.Lines.Select(l => new ShippoCustomsItem(
                    l.Description, l.Quantity, Number(l.LineNetWeightGrams), "g", l.LineValue.ToDecimal().ToString(CultureInfo.InvariantCulture),
                    l.UnitValue.Currency.Code, l.OriginCountry, l.HsCode, l.Sku))]),
            request.Reference,
            Async: false);
    }

    private static ShippoAddress ToAddress(Address address, string? email) =>
        new(address.Name, address.Line1, address.Line2, address.City, address.Region, address.PostalCode, address.CountryCode, email);

    private static List<RateQuote> Quotes(ShippoShipment shipment) =>
        [.. (shipment.Rates ?? []).Select(r => new RateQuote("shippo", r.Provider, r.Servicelevel?.Name ?? r.Servicelevel?.Token ?? "standard",
            Money.FromDecimal(decimal.Parse(r.Amount, NumberStyles.Number, CultureInfo.InvariantCulture), Currency.FromCode(r.Currency), MidpointRounding.AwayFromZero),
            r.EstimatedDays, r.ObjectId))
            .OrderBy(q => q.Amount.MinorUnits)];

    private static string Cm(double millimetres) => (millimetres / 10).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
