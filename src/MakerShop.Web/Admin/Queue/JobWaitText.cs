using System.Globalization;
using MakerShop.Core;
using MakerShop.Web.Storefront.Checkout;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Admin.Queue;

/// <summary>A waiting job's reason in the owner's words and language: what it waits for and from when any printer takes it.</summary>
public static class JobWaitText
{
    public static string Describe(IStringLocalizer text, JobWait wait, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(wait);
        var filament = $"{wait.Material} {wait.Colour}";
        var reason = wait.Reason switch
        {
            JobWaitReason.Held => text["Queue.Wait.Held"].Value,
            JobWaitReason.PinnedPrinterBusy => text["Queue.Wait.Pinned", wait.PrinterId ?? ""].Value,
            JobWaitReason.NoPrinterFree => text["Queue.Wait.NoPrinterFree"].Value,
            JobWaitReason.NoPrinterCanPrint => text["Queue.Wait.NoPrinterCanPrint"].Value,
            JobWaitReason.NeedsFilament => text["Queue.Wait.NeedsFilament", filament].Value,
            JobWaitReason.HoldingOutForCloser => text["Queue.Wait.Closer", filament, CountryName(text, wait.Country)].Value,
            _ => text["Queue.Wait.NextInLine"].Value,
        };
        return wait.Until is { } until
            ? reason + text["Queue.Wait.Until", When(until, zone, now)].Value
            : reason;
    }

    private static string CountryName(IStringLocalizer text, string? code) =>
        code is null ? "" : CheckoutCountries.DisplayName(text, code);

    // Today's times as a clock time, later ones with their day: "14:20", "Tue 9 Dec 08:00".
    private static string When(DateTimeOffset at, TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(at < now ? now : at, zone);
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        var shown = local.Date == today
            ? local.ToString("HH:mm", CultureInfo.CurrentCulture)
            : local.ToString("ddd d MMM HH:mm", CultureInfo.CurrentCulture);
        return zone == TimeZoneInfo.Utc ? shown + " UTC" : shown;
    }
}
