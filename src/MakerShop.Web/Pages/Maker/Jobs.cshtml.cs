using MakerShop.Core;
using MakerShop.Web.Makers;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Pages.Maker;

public sealed class JobsModel(MakerScope scope, IOptions<MakerPayOptions> pay) : PageModel
{
    public IReadOnlyList<PrintJob> Jobs { get; private set; } = [];

    public int Completed { get; private set; }

    public Money Owed { get; private set; }

    public MakerPayRate Pay { get; } = pay.Value.ToRate();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Jobs = await scope.JobsAsync(User, 500, cancellationToken);
        var completed = Jobs.Where(j => j.Status == PrintJobStatus.Completed).ToList();
        Completed = completed.Count;
        Owed = Pay.Total(completed);
    }
}
