using System.Net.Sockets;
using MakerShop.Core;

namespace MakerShop.Notifications.Outbound;

/// <summary>Checks a URL a person gives the shop to call, before it is stored: its form, then where its host resolves.</summary>
public sealed class OutboundUrl(IOutboundAddressFilter filter)
{
    public async Task<Uri> CheckAsync(string field, string? text, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || string.IsNullOrEmpty(url.Host)
            || !string.IsNullOrEmpty(url.UserInfo) || !string.IsNullOrEmpty(url.Fragment) || text!.Trim().Length > 500)
        {
            throw new DomainValidationException(field, "Give an absolute http:// or https:// address without a user name or password, e.g. https://example.com/hooks/makershop.");
        }

        try
        {
            await OutboundSocketHandler.ResolveAllowedAsync(filter, url.IdnHost, cancellationToken);
        }
        catch (OutboundAddressRefusedException ex)
        {
            throw new DomainValidationException(field, $"The shop does not send to {url.Host}: {ex.Message}.");
        }
        catch (SocketException)
        {
            throw new DomainValidationException(field, $"The shop cannot find the host {url.Host}.");
        }

        return url;
    }
}
