using MakerShop.Core;
using MakerShop.Storage.Stores;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MakerShop.Web.Pages.Admin;

public sealed class IndexModel(DashboardStore dashboard, TimeProvider time) : PageModel
{
    public DashboardFigures? Figures { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Figures = await dashboard.ReadAsync(time.GetUtcNow(), cancellationToken);
}
