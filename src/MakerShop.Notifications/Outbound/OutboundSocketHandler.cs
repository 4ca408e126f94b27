using System.Net;
using System.Net.Sockets;

namespace MakerShop.Notifications.Outbound;

/// <summary>
/// The handler under every call to a person-given URL: no redirects (a receiver has no business sending the shop
/// elsewhere) and the host is resolved here so the filter sees the very addresses the socket connects to; a name that
/// resolves somewhere else later (DNS rebinding) is refused at that connection.
/// </summary>
public static class OutboundSocketHandler
{
    public static SocketsHttpHandler Create(IOutboundAddressFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(filter, context.DnsEndPoint, cancellationToken),
        };
    }

    /// <summary>The addresses of <paramref name="host"/>, or the refusal that the policy gives for them.</summary>
    public static async Task<IPAddress[]> ResolveAllowedAsync(IOutboundAddressFilter filter, string host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var bare = host.Trim('[', ']');
        var addresses = IPAddress.TryParse(bare, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(bare, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new OutboundAddressRefusedException($"{host} resolves to no address");
        }

        if (filter.Refusal(addresses) is { } refusal)
        {
            throw new OutboundAddressRefusedException(refusal);
        }

        return addresses;
    }

    private static async ValueTask<Stream> ConnectAsync(IOutboundAddressFilter filter, DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAllowedAsync(filter, endPoint.Host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
