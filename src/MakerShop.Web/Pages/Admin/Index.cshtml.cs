using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Options;
using MakerShop.Web.Payments;
using MakerShop.Web.Storefront.Currencies;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Pages.Admin;

/// <summary>
/// The owner's dashboard: first what waits on a person now (each card links to the page where it is done), then how
/// the shop is doing (figures and the last 30 days as charts). Days and weeks are UTC, as the page says.
/// </summary>
public sealed class IndexModel(
    DashboardStore dashboard,
    DashboardAttentionStore attention,
    DashboardHistoryStore history,
    MakerShop.Web.Materials.SpoolInventory spools,
    ExchangeRateProvider rates,
    IOptions<SchedulingOptions> scheduling,
    TimeProvider time) : PageModel
{
    public const int ChartDays = 30;

    public const int ChartWeeks = 12;

    public DashboardFigures? Figures { get; private set; }

    public DashboardAttention? Attention { get; private set; }

    /// <summary>Spools under the owner's low-stock threshold.</summary>
    public IReadOnlyList<Spool> LowSpools { get; private set; } = [];

    public SalesReport? Sales { get; private set; }

    public IReadOnlyList<WeekOnTime> OnTime { get; private set; } = [];

    public UtilisationReport? Utilisation { get; private set; }

    public IReadOnlyDictionary<string, string> PrinterNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>How long a queued job may wait before the dashboard calls it stalled.</summary>
    public TimeSpan StalledAfter => TimeSpan.FromMinutes(scheduling.Value.MaxHoldOutMinutes);

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Figures = await dashboard.ReadAsync(Now, cancellationToken);
        Attention = await attention.ReadAsync(Now, StalledAfter, BankTransferProvider.ProviderName, cancellationToken);
        LowSpools = await spools.LowAsync(cancellationToken);

        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var firstDay = today.AddDays(-(ChartDays - 1));
        var from = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var current = rates.Current;
        Sales = SalesByDay.Compute(await history.ListPlacedOrdersAsync(from, cancellationToken), current, current.Base, firstDay, today);

        var firstWeek = OnTimeByWeek.WeekStart(Now).AddDays(-7 * (ChartWeeks - 1));
        OnTime = OnTimeByWeek.Compute(
            await history.ListProducedOrdersAsync(new DateTimeOffset(firstWeek.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), cancellationToken), Now, ChartWeeks);

        var printers = await history.ListPrintersAsync(cancellationToken);
        PrinterNames = printers.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        Utilisation = PrinterUtilisation.Measure(
            await history.ListPrintingIntervalsAsync(from, Now, cancellationToken), [.. printers.Select(p => p.Id)], from, Now);
    }
}
