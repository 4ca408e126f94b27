using System.Text.Json;
using MakerShop.Core;
using MakerShop.Web.Makers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Admin.Printers;

/// <summary>
/// The whole fleet as cards, live: every maker's printers and the shop's own. The filters are a plain GET form, so they
/// work without JavaScript; the live script applies the same filters to what the stream sends.
/// </summary>
public sealed class IndexModel(FleetView fleet, TimeProvider time, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public FleetText Text { get; } = new(localizer);

    public DateTimeOffset Now { get; private set; }

    /// <summary>Every printer, before filtering: the counts and the filter choices come from these.</summary>
    public IReadOnlyList<FleetPrinter> All { get; private set; } = [];

    public IReadOnlyList<FleetPrinter> Shown { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Maker { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Material { get; set; }

    public bool Filtered => !string.IsNullOrEmpty(State) || !string.IsNullOrEmpty(Maker) || !string.IsNullOrEmpty(Country) || !string.IsNullOrEmpty(Material);

    /// <summary>Makers by id with their names (the shop's own first), for the maker filter.</summary>
    public IReadOnlyList<(string Id, string Name)> Makers => [.. All
        .GroupBy(p => p.Printer.MakerId, StringComparer.Ordinal)
        .Select(g => (g.Key, Text.Maker(g.First())))
        .OrderBy(m => m.Key == Core.Maker.ShopMakerId ? 0 : 1).ThenBy(m => m.Item2, StringComparer.CurrentCulture)];

    public IReadOnlyList<string> Countries => [.. All.Select(p => p.Printer.CountryCode).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal)];

    public IReadOnlyList<string> Materials => [.. All.Select(p => p.Printer.LoadedMaterial).Where(m => m.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(m => m, StringComparer.Ordinal)];

    public int Count(PrinterStatus status) => All.Count(p => p.Status == status);

    /// <summary>The words the live script writes, as JSON for a data attribute.</summary>
    public string ScriptWords => JsonSerializer.Serialize(Text.ForScript(All.Select(p => p.Printer.CountryCode), All.Select(p => p.Printer.LoadedColour)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        All = await fleet.ListAsync(cancellationToken);
        Shown = [.. All.Where(Matches)];
    }

    /// <summary>The same link with one filter changed (null removes it), keeping the others.</summary>
    public string With(string name, string? value)
    {
        var query = new Dictionary<string, string?>
        {
            ["state"] = State, ["maker"] = Maker, ["country"] = Country, ["material"] = Material,
        };
        query[name] = value;
        var parts = query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value!)}").ToList();
        return parts.Count == 0 ? "/admin/printers" : "/admin/printers?" + string.Join('&', parts);
    }

    private bool Matches(FleetPrinter p) =>
        (string.IsNullOrEmpty(State) || string.Equals(p.Printer.Status, State, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(Maker) || string.Equals(p.Printer.MakerId, Maker, StringComparison.Ordinal))
        && (string.IsNullOrEmpty(Country) || string.Equals(p.Printer.CountryCode, Country, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(Material) || string.Equals(p.Printer.LoadedMaterial, Material, StringComparison.OrdinalIgnoreCase));
}
