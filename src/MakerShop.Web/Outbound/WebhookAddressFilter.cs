using System.Net;
using MakerShop.Notifications;
using MakerShop.Notifications.Outbound;
using MakerShop.Web.HttpPrinters;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Outbound;

/// <summary>
/// Webhook, ntfy and Discord addresses are held to <c>MakerShop:Webhooks:AddressPolicy</c> with the very range rules
/// that police makers' printer addresses: loopback, link-local (cloud metadata), multicast and the shop's own host are
/// refused unless the policy is Any, and private networks unless it is PrivateNetworks.
/// </summary>
public sealed class WebhookAddressFilter(IOptions<WebhookOptions> options) : IOutboundAddressFilter
{
    public string? Refusal(IReadOnlyList<IPAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var policy = options.Value.AddressPolicy switch
        {
            OutboundAddressPolicy.Any => MakerAddressPolicy.Any,
            OutboundAddressPolicy.PrivateNetworks => MakerAddressPolicy.PrivateNetworks,
            _ => MakerAddressPolicy.PublicOnly,
        };
        return addresses.Select(a => PrinterAddressRanges.Refusal(a, policy)).FirstOrDefault(r => r is not null)
            ?.Replace("printer addresses", "addresses for webhooks and notifications", StringComparison.Ordinal);
    }
}
