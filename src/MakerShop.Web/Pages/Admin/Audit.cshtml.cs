using MakerShop.Storage.Stores;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MakerShop.Web.Pages.Admin;

public sealed class AuditModel(AuditLogStore audit) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Entries = await audit.ListRecentAsync(Shown, cancellationToken);
}
