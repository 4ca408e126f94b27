using MakerShop.Core;
using MakerShop.Shipping.Carriers;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using MakerShop.Web.Admin;
using MakerShop.Web.Shipping;
using MakerShop.Web.Storefront.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Pages.Admin.Shipping;

/// <summary>
/// One shipment at the desk: weigh and measure its parcels, compare the rate tables with the providers' live rates, buy
/// a label or type the tracking number of one made elsewhere, download the label and customs papers, say it left, and
/// follow its tracking.
/// </summary>
public sealed class ShipmentModel(
    ShipmentStore shipments,
    ShipmentEventStore events,
    OrderStore orders,
    ShipmentLabels labels,
    ShipmentDesk desk,
    ShipmentPaperwork papers,
    LabelFileStore labelFiles,
    AuditTrail audit,
    IStringLocalizer<SharedResource> text,
    IOptions<ShippingOptions> options) : PageModel
{
    public Shipment Shipment { get; private set; } = null!;

    public Order Order { get; private set; } = null!;

    public IReadOnlyList<ParcelRow> Parcels { get; private set; } = [];

    public IReadOnlyList<RateQuote> Rates { get; private set; } = [];

    /// <summary>The timeline, newest scan first.</summary>
    public IReadOnlyList<ShipmentEventRecord> Scans { get; private set; } = [];

    public bool HasLabelFile { get; private set; }

    private static readonly string[] SideNames = ["lengthMm", "widthMm", "heightMm"];

    public DeskText Text { get; } = new(text, options);

    public IReadOnlyList<CarrierOptions> Carriers => options.Value.Carriers;

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public Dictionary<string, string> Problems { get; } = new(StringComparer.Ordinal);

    public string? TypedCarrier { get; private set; }

    public string? TypedNumber { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? done, CancellationToken cancellationToken)
    {
        Message = done;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetDocumentAsync(string id, string? kind, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ShipmentDocumentKind>(kind, ignoreCase: true, out var which) || !Enum.IsDefined(which))
        {
            return NotFound();
        }

        return await papers.GetAsync(id, which, cancellationToken) is { } document
            ? File(document.File.Content, document.File.ContentType, document.FileName)
            : NotFound();
    }

    public async Task<IActionResult> OnPostParcelsAsync(string id, string[]? weight, string[]? length, string[]? width, string[]? height, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var inputs = new List<ParcelInput>();
        var rows = new List<ParcelRow>();
        for (var i = 0; i < Shipment.Parcels.Count; i++)
        {
            var (w, l, wd, h) = (At(weight, i), At(length, i), At(width, i), At(height, i));
            rows.Add(ParcelRow.From(Shipment.Parcels[i]) with { Weight = w, Length = l, Width = wd, Height = h });
            var grams = Number(w, $"parcels[{i}].weightGrams");
            var sides = new[] { Number(l, $"parcels[{i}].lengthMm"), Number(wd, $"parcels[{i}].widthMm"), Number(h, $"parcels[{i}].heightMm") };
            if (grams is { } g && sides.All(s => s is not null))
            {
                var parts = Shipment.Parcels[i].Items.Sum(x => x.NetWeightGrams);
                if (g <= 0 || g > ParcelLimits.MaxGrams)
                {
                    Problems[$"parcels[{i}].weightGrams"] = text["Desk.WeightRange", ParcelLimits.MaxGrams.ToString("0", System.Globalization.CultureInfo.CurrentCulture)];
                }
                else if (g < parts)
                {
                    Problems[$"parcels[{i}].weightGrams"] = text["Desk.WeightBelowParts", DeskText.Grams(Math.Ceiling(parts))];
                }

                foreach (var (side, name) in sides.Zip(SideNames))
                {
                    if (side < 1 || side > ParcelLimits.MaxSideMm)
                    {
                        Problems[$"parcels[{i}].{name}"] = text["Desk.SideRange", ParcelLimits.MaxSideMm.ToString("0", System.Globalization.CultureInfo.CurrentCulture)];
                    }
                }

                inputs.Add(new ParcelInput(g, sides[0]!.Value, sides[1]!.Value, sides[2]!.Value));
            }
        }

        if (Problems.Count > 0)
        {
            Parcels = rows;
            return Page();
        }

        try
        {
            var result = await desk.UpdateParcelsAsync(id, inputs, cancellationToken);
            if (result == DeskResult.Conflict)
            {
                Error = text["Desk.AlreadyLabelled"];
                return Page();
            }
        }
        catch (DomainValidationException ex)
        {
            Problems[ex.Field] = ex.Message;
            Parcels = rows;
            return Page();
        }

        await audit.RecordAsync(HttpContext, "ShipmentParcelsEdited", id, string.Join("; ", inputs.Select(p => $"{p.WeightGrams} g {p.LengthMm}x{p.WidthMm}x{p.HeightMm} mm")));
        return Done(id, text["Desk.ParcelsSaved"]);
    }

    public async Task<IActionResult> OnPostTrackingAsync(string id, string? carrier, string? trackingNumber, bool acceptUnverified, CancellationToken cancellationToken)
    {
        var result = await labels.AttachManualAsync(id, carrier, trackingNumber, acceptUnverified, cancellationToken);
        if (result is LabelResult.Labelled)
        {
            await audit.RecordAsync(HttpContext, "ShipmentLabelTyped", id, $"{carrier} {trackingNumber}");
            return Done(id, text["Desk.Labelled"]);
        }

        TypedCarrier = carrier;
        TypedNumber = trackingNumber;
        return await LabelProblemAsync(id, result, cancellationToken);
    }

    public async Task<IActionResult> OnPostBuyAsync(string id, string? provider, string? rateId, CancellationToken cancellationToken)
    {
        var result = await labels.BuyAsync(id, provider ?? "", rateId, cancellationToken);
        if (result is LabelResult.Labelled)
        {
            await audit.RecordAsync(HttpContext, "ShipmentLabelBought", id, $"{provider} rate {rateId}");
            return Done(id, text["Desk.Bought"]);
        }

        return await LabelProblemAsync(id, result, cancellationToken);
    }

    public async Task<IActionResult> OnPostHandOverAsync(string id, CancellationToken cancellationToken)
    {
        switch (await desk.HandOverAsync(id, cancellationToken))
        {
            case DeskResult.NotFound:
                return NotFound();
            case DeskResult.Conflict:
                return await LoadAsync(id, cancellationToken) ? PageWithError(text["Desk.CannotHandOver"]) : NotFound();
            default:
                await audit.RecordAsync(HttpContext, "ShipmentHandedOver", id, null);
                return Done(id, text["Desk.HandedOverMessage"]);
        }
    }

    private async Task<IActionResult> LabelProblemAsync(string id, LabelResult result, CancellationToken cancellationToken)
    {
        if (result is LabelResult.NotFound || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        switch (result)
        {
            case LabelResult.Invalid { Field: "trackingNumber" } invalid:
                Problems["trackingNumber"] = string.IsNullOrWhiteSpace(TypedNumber) ? text["Desk.TrackingRequired"] : text["Desk.TrackingCheckFailed"];
                Problems["trackingDetail"] = invalid.Message;
                break;
            case LabelResult.Invalid { Field: "carrier" }:
                Problems["carrier"] = text["Desk.CarrierRequired"];
                break;
            case LabelResult.Invalid invalid:
                Error = invalid.Message;
                break;
            case LabelResult.Conflict:
                Error = text["Desk.AlreadyLabelled"];
                break;
            case LabelResult.ProviderRefused refused:
                Error = text["Desk.ProviderRefused", refused.Message];
                break;
        }

        return Page();
    }

    private PageResult PageWithError(string error)
    {
        Error = error;
        return Page();
    }

    private LocalRedirectResult Done(string id, string message) =>
        LocalRedirect($"/admin/shipping/{Uri.EscapeDataString(id)}?done={Uri.EscapeDataString(message)}");

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await shipments.GetAsync(id, cancellationToken) is not { } shipment || await orders.GetAsync(shipment.OrderId, cancellationToken) is not { } order)
        {
            return false;
        }

        (Shipment, Order) = (shipment, order);
        Parcels = [.. shipment.Parcels.Select(ParcelRow.From)];
        Scans = [.. (await events.ListAsync(id, cancellationToken)).Reverse()];
        HasLabelFile = await labelFiles.GetAsync(id, cancellationToken) is not null;
        Rates = shipment.Status == ShipmentStatus.Draft ? await labels.QuoteAsync(id, cancellationToken) ?? [] : [];
        return true;
    }

    private double? Number(string value, string field)
    {
        try
        {
            return FormNumber.Optional(value, field) ?? Missing(field);
        }
        catch (DomainValidationException)
        {
            Problems[field] = text["Desk.NotANumber", value];
            return null;
        }
    }

    private double? Missing(string field)
    {
        Problems[field] = text["Desk.Required"];
        return null;
    }

    private static string At(string[]? values, int index) => values is not null && index < values.Length ? values[index] ?? "" : "";
}
