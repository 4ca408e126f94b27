using MakerShop.Web.Options;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Storefront.Checkout;

/// <summary>
/// The address customers reach the shop at, for links that leave the request (e-mails, Stripe's return pages): the
/// configured MakerShop:Shop:PublicBaseUrl, so a forged Host header never ends up in a customer's mailbox. Only an
/// unconfigured shop (development, tests) falls back to the address of the request.
/// </summary>
public sealed class StorefrontUrls(IOptions<ShopOptions> shop)
{
    public Uri BaseUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return shop.Value.PublicBaseUrl ?? new Uri($"{request.Scheme}://{request.Host}");
    }
}
