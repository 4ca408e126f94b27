using MakerShop.Core;
using MakerShop.Storage.Stores;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MakerShop.Web.Pages.Admin.Orders;

public sealed class IndexModel(OrderSearchStore search, ChannelOrderStore channelOrders, MakerShop.Web.Production.OrderNumbers numbers, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public OrderStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Late { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<OrderSummary> Orders { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>The listed orders that came from a sales channel, by order id.</summary>
    public IReadOnlyDictionary<string, ChannelOrderLink> Channels { get; private set; } = new Dictionary<string, ChannelOrderLink>();

    public DateTimeOffset Now { get; private set; }

    public bool Filtered => Status is not null || !string.IsNullOrWhiteSpace(Country) || !string.IsNullOrWhiteSpace(Q) || Late;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        PageNumber = Math.Max(1, PageNumber);
        var filter = new OrderFilter(Status, Country, Q, Late, (PageNumber - 1) * PageSize, PageSize) { Number = numbers.Parse(Q) };
        (Orders, Total) = await search.SearchAsync(filter, Now, cancellationToken);
        Channels = await channelOrders.ForOrdersAsync(Orders.Select(o => o.Id), cancellationToken);
    }

    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["status"] = Status?.ToString(),
            ["country"] = Country,
            ["q"] = Q,
            ["late"] = Late ? "true" : null,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return "/admin/orders" + QueryString.Create(query.Where(p => p.Value is not null)).ToUriComponent();
    }
}
