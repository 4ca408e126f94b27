using System.Globalization;
using MakerShop.Core;
using MakerShop.Shipping.Carriers;
using MakerShop.Shipping.Tracking;
using Microsoft.Extensions.Logging;

namespace MakerShop.Shipping.EasyPost;

/// <summary>
/// Labels, rates and trackers through EasyPost. One EasyPost shipment is one parcel, so a multi-parcel shipment is
/// refused here (the owner ships it with the manual carrier, one number per box). Customs values and weights go as
/// line totals in ounces, which is what EasyPost's CustomsItem documents.
/// </summary>
public sealed class EasyPostGateway(IEasyPostApi api, ILogger<EasyPostGateway> logger) : ICarrierGateway
{
    public string Provider => "easypost";

    public async Task<IReadOnlyList<RateQuote>> QuoteAsync(LabelRequest request, CancellationToken cancellationToken = default)
    {
        var created = await CreateAsync(request, cancellationToken);
        return created.Shipment is null ? [] : Quotes(created.Shipment);
    }

    public async Task<LabelOutcome> BuyLabelAsync(LabelRequest request, string? rateId, CancellationToken cancellationToken = default)
    {
        // A rate quoted earlier belongs to the EasyPost shipment that quoted it ("shp_…/rate_…"): it is bought there,
        // because a new EasyPost shipment gets new rate ids.
        if (rateId?.Split('/') is [{ Length: > 0 } quotedShipment, { Length: > 0 } quotedRate])
        {
            return await BuyAsync(request, quotedShipment, quotedRate, cancellationToken);
        }

        var created = await CreateAsync(request, cancellationToken);
        if (created.Shipment is not { } shipment)
        {
            return LabelOutcome.Refused(created.Error ?? "EasyPost did not create the shipment.", created.StatusCode);
        }

        var rate = rateId is null
            ? shipment.Rates?.OrderBy(r => Amount(r.Rate)).FirstOrDefault()
            : shipment.Rates?.FirstOrDefault(r => r.Id == rateId);
        if (rate is null)
        {
            return LabelOutcome.Refused(rateId is null ? "EasyPost offered no rate for this shipment." : $"EasyPost has no rate '{rateId}' for this shipment.");
        }

        return await BuyAsync(request, shipment.Id, rate.Id, cancellationToken);
    }

    private async Task<LabelOutcome> BuyAsync(LabelRequest request, string easyPostShipmentId, string rateId, CancellationToken cancellationToken)
    {
        var bought = await api.BuyAsync(easyPostShipmentId, new EasyPostBuy(new EasyPostRateRef(rateId)), cancellationToken);
        if (!bought.IsSuccessStatusCode || bought.Content is not { TrackingCode: { } code } label)
        {
            logger.LogWarning("EasyPost refused to buy rate {RateId} for shipment {ShipmentId}: {Status}", rateId, request.Shipment.Id, ApiStatus.Code(bought));
            return LabelOutcome.Refused($"EasyPost refused the purchase ({ApiStatus.Code(bought)}).", ApiStatus.Code(bought));
        }

        var carrier = label.SelectedRate?.Carrier ?? label.Rates?.FirstOrDefault(r => r.Id == rateId)?.Carrier ?? "EasyPost";
        return LabelOutcome.Bought(new ShippingLabel(Provider, carrier, code, label.Id, label.Tracker?.Id, label.PostageLabel?.LabelPdfUrl ?? label.PostageLabel?.LabelUrl, label.Tracker?.PublicUrl));
    }

    public async Task<TrackingNotice?> PollAsync(string carrier, string trackingNumber, string? trackerId, CancellationToken cancellationToken = default)
    {
        if (trackerId is null)
        {
            return null;
        }

        var response = await api.GetTrackerAsync(trackerId, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("EasyPost tracker {TrackerId} answered {Status}", trackerId, ApiStatus.Code(response));
            return null;
        }

        var tracker = response.Content;
        var updatedAt = tracker.Text("updated_at") ?? "poll";
        return EasyPostTrackerReader.Read(tracker, $"poll:{trackerId}:{updatedAt}", DateTimeOffset.UnixEpoch);
    }

    private async Task<(EasyPostShipment? Shipment, string? Error, int? StatusCode)> CreateAsync(LabelRequest request, CancellationToken cancellationToken)
    {
        var shipment = request.Shipment;
        if (shipment.Parcels.Count != 1)
        {
            return (null, $"EasyPost labels one parcel at a time; this shipment has {shipment.Parcels.Count}. Use the manual carrier with one number per box.", null);
        }

        var parcel = shipment.Parcels[0];
        var customs = shipment.Customs;
        var body = new EasyPostCreateShipment(new EasyPostShipmentInput(
            ToAddress: ToAddress(request.To, request.RecipientEmail),
            FromAddress: ToAddress(request.From, null),
            Parcel: new EasyPostParcel(Units.Inches(parcel.Dimensions.X), Units.Inches(parcel.Dimensions.Y), Units.Inches(parcel.Dimensions.Z), Units.Ounces(parcel.WeightGrams)),
            CustomsInfo: customs is null ? null : new EasyPostCustomsInfo(
                ContentsType: customs.ContentsType,
                CustomsCertify: true,
                CustomsSigner: request.CustomsSigner,
                NonDeliveryOption: "return",
                RestrictionType: "none",
                EelPfc: customs.OriginCountry == "US" ? "NOEEI 30.37(a)" : null,
                CustomsItems: [.. customs.Lines.Select(l => new EasyPostCustomsItem(
                    l.Description, l.Quantity, l.LineValue.ToDecimal().ToString(CultureInfo.InvariantCulture), Units.Ounces(l.LineNetWeightGrams),
                    l.HsCode[..6], l.OriginCountry, l.UnitValue.Currency.Code, l.Sku))]),
            TaxIdentifiers: customs is null ? null : TaxIds(customs),
            // A PDF label (label_format) prints on any office printer and joins the day's bundle page for page.
            Options: customs is null ? new EasyPostShipmentOptions(null, null) : new EasyPostShipmentOptions(customs.Incoterm.ToString(), customs.InvoiceNumber),
            Reference: request.Reference));
        var response = await api.CreateShipmentAsync(body, cancellationToken);
        if (!response.IsSuccessStatusCode || response.Content is null)
        {
            logger.LogWarning("EasyPost refused shipment {ShipmentId}: {Status}", shipment.Id, ApiStatus.Code(response));
            return (null, $"EasyPost refused the shipment ({ApiStatus.Code(response)}).", ApiStatus.Code(response));
        }

        return (response.Content, null, null);
    }

    private static List<EasyPostTaxIdentifier>? TaxIds(CustomsDeclaration customs)
    {
        var ids = new List<EasyPostTaxIdentifier>();
        if (customs.IossNumber is { } ioss)
        {
            ids.Add(new EasyPostTaxIdentifier("SENDER", "IOSS", ioss, customs.DestinationCountry));
        }

        if (customs.EoriNumber is { } eori)
        {
            ids.Add(new EasyPostTaxIdentifier("SENDER", "EORI", eori, eori[..2]));
        }

        return ids.Count == 0 ? null : ids;
    }

    private static EasyPostAddress ToAddress(Address address, string? email) =>
        new(address.Name, address.Line1, address.Line2, address.City, address.Region, address.PostalCode, address.CountryCode, email, null);

    private static List<RateQuote> Quotes(EasyPostShipment shipment) =>
        [.. (shipment.Rates ?? []).Select(r => new RateQuote("easypost", r.Carrier, r.Service,
            Money.FromDecimal(Amount(r.Rate), Currency.FromCode(r.Currency), MidpointRounding.AwayFromZero), r.DeliveryDays, $"{shipment.Id}/{r.Id}"))
            .OrderBy(q => q.Amount.MinorUnits)];

    private static decimal Amount(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
