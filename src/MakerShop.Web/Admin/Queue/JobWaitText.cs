using System.Globalization;
using MakerShop.Core;
using MakerShop.Web.Storefront.Checkout;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Admin.Queue;

/// <summary>A waiting job's reason in the owner's words and language: what it waits for and from when any printer takes it.</summary>
public static class JobWaitText
{
    public static string Describe(IStringLocalizer text, JobWait wait, DateTimeOffset now)
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
            ? reason + text["Queue.Wait.Until", When(until, now)].Value
            : reason;
    }

    private static string CountryName(IStringLocalizer text, string? code) =>
        code is null ? "" : CheckoutCountries.DisplayName(text, code);

    // The shop has no time zone of its own yet, so times are UTC and say so: "14:20 UTC" today, "Tue 9 Dec 08:00 UTC" later.
    private static string When(DateTimeOffset at, DateTimeOffset now)
    {
        var shown = at < now ? now : at;
        var format = shown.UtcDateTime.Date == now.UtcDateTime.Date ? "HH:mm" : "ddd d MMM HH:mm";
        return shown.UtcDateTime.ToString(format, CultureInfo.CurrentCulture) + " UTC";
    }
}
