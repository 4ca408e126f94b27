using MakerShop.Core;
using MakerShop.Storage.Stores;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MakerShop.Web.Pages.Admin;

public sealed class IndexModel(DashboardStore dashboard, MakerShop.Web.Materials.SpoolInventory spools, TimeProvider time) : PageModel
{
    public DashboardFigures? Figures { get; private set; }

    /// <summary>Spools under the owner's low-stock threshold.</summary>
    public IReadOnlyList<Spool> LowSpools { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Figures = await dashboard.ReadAsync(time.GetUtcNow(), cancellationToken);
        LowSpools = await spools.LowAsync(cancellationToken);
    }
}
