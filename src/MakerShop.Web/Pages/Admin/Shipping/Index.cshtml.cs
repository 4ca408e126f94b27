using MakerShop.Storage.Stores;
using MakerShop.Web.Shipping;
using MakerShop.Web.Storefront.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Pages.Admin.Shipping;

/// <summary>
/// The fulfilment desk: what is ready to ship (the parcel that has waited longest first), then what is labelled but still
/// here, on its way, in trouble or delivered; and the day's papers as one PDF to print.
/// </summary>
public sealed class IndexModel(ShipmentDeskStore desk, ShipmentPaperwork papers, TimeProvider time, IStringLocalizer<SharedResource> text, IOptions<ShippingOptions> options) : PageModel
{
    public DeskTab Tab { get; private set; }

    public IReadOnlyList<DeskShipment> Shipments { get; private set; } = [];

    public IReadOnlyDictionary<DeskTab, int> Counts { get; private set; } = new Dictionary<DeskTab, int>();

    public DeskText Text { get; } = new(text, options);

    public string? Message { get; private set; }

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task OnGetAsync(string? tab, string? done, CancellationToken cancellationToken)
    {
        Tab = Enum.TryParse<DeskTab>(tab, ignoreCase: true, out var chosen) && Enum.IsDefined(chosen) ? chosen : DeskTab.Ready;
        Message = done;
        Shipments = await desk.ListAsync(Tab, cancellationToken);
        Counts = await desk.CountAsync(cancellationToken);
    }

    /// <summary>Labels, customs declarations and invoices of every shipment labelled today (UTC), as one PDF.</summary>
    public async Task<IActionResult> OnGetTodayAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (await papers.DayBundleAsync(today, cancellationToken) is { } bundle)
        {
            return File(bundle.File.Content, bundle.File.ContentType, bundle.FileName);
        }

        return LocalRedirect("/admin/shipping?tab=Labelled&done=" + Uri.EscapeDataString(text["Desk.NothingToday"]));
    }
}
