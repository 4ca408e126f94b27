using MakerShop.Web.Options;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Production;

/// <summary>The base address printers use to reach the shop: configured, or else the address the host listens on.</summary>
public sealed class ShopUrls(IOptions<ShopOptions> options, IServer server)
{
    public Uri BaseUrl
    {
        get
        {
            if (options.Value.PublicBaseUrl is { } configured)
            {
                return configured;
            }

            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The host is not listening yet, and MakerShop:Shop:PublicBaseUrl is not set.");
            // A wildcard bind is not an address a bridge can dial; loopback is right for the embedded defaults.
            var normalized = address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
            return new Uri(normalized);
        }
    }

    public Uri JobGcode(string jobId) => new(BaseUrl, $"/api/devices/jobs/{Uri.EscapeDataString(jobId)}/gcode");
}
