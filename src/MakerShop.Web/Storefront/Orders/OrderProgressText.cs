using System.Globalization;
using MakerShop.Core;
using MakerShop.Web.Storefront.Localization;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Storefront.Orders;

/// <summary>The words of an order page in the request's language. Times are sent as instants and shown in the
/// visitor's own time zone by the page; without JavaScript they read in UTC.</summary>
public sealed record OrderProgressText(
    string OrderId,
    string Status,
    string StatusText,
    IReadOnlyList<PartText> Parts,
    IReadOnlyList<MilestoneText> Milestones,
    ParcelText? Parcel)
{
    public static OrderProgressText From(OrderProgressView view, IStringLocalizer localizer, Shipping.CarrierWords carriers)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(carriers);
        var culture = CultureInfo.CurrentCulture;
        return new OrderProgressText(
            view.OrderId,
            view.Status.ToString(),
            localizer["OrderStatus." + view.Status],
            [.. view.Parts.Select(p => new PartText(
                p.UnitIndex,
                $"{p.ProductName} · {p.Material} {localizer.Colour(p.Colour)}",
                p.Phase.ToString(),
                Phase(p, localizer, culture),
                p.Progress,
                p.ExpectedDoneAt))],
            [.. view.Milestones.Select(m => new MilestoneText(m.Kind, Milestone(m.Kind, localizer), m.At))],
            view.Parcel is { } parcel
                ? new ParcelText(
                    parcel.TrackingNumber is null ? null : localizer["Order.Carrier", carriers.Carrier(parcel.Carrier), parcel.TrackingNumber].Value,
                    parcel.TrackingUrl,
                    // Newest scan first, as carriers' own pages show them.
                    [.. parcel.Scans.Reverse().Select(s => new ScanText(s.Status, s.At, s.AtRaw, s.Location is null ? s.Message ?? "" : $"{s.Message} · {s.Location}"))])
                : null);
    }

    private static string Phase(PartProgress part, IStringLocalizer localizer, CultureInfo culture) => part.Phase switch
    {
        PartPhase.Printing => localizer["Phase.Printing", ((int)Math.Floor((part.Progress ?? 0) * 100)).ToString(culture)],
        PartPhase.Reprinting => localizer["Phase.Reprinting", part.Attempt.ToString(culture)],
        _ => localizer["Phase." + part.Phase],
    };

    private static string Milestone(string kind, IStringLocalizer localizer)
    {
        var text = localizer["Milestone." + kind];
        return text.ResourceNotFound ? kind : text.Value;
    }
}

public sealed record PartText(int Unit, string Label, string Phase, string PhaseText, double? Progress, DateTimeOffset? DoneAt);

public sealed record MilestoneText(string Kind, string Text, DateTimeOffset At);

/// <summary>The parcel's carrier line ("UPS, tracking number …") and its scans, newest first.</summary>
public sealed record ParcelText(string? Carrier, string? TrackingUrl, IReadOnlyList<ScanText> Scans);

public sealed record ScanText(string Status, DateTimeOffset? At, string AtRaw, string Text);
