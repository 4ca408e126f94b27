using System.Net;
using System.Net.Sockets;

namespace MakerShop.Printers.Http;

/// <summary>
/// The socket handler under every printer client: it never follows redirects (a printer has no business sending the
/// shop elsewhere) and resolves the host itself so the <see cref="IHttpPrinterAddressFilter"/> sees the very addresses
/// the socket then connects to.
/// </summary>
public static class HttpPrinterSocketHandler
{
    public static SocketsHttpHandler Create(IHttpPrinterAddressFilter? filter)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (filter is not null)
        {
            handler.ConnectCallback = (context, cancellationToken) => ConnectAsync(filter, context.DnsEndPoint, cancellationToken);
        }

        return handler;
    }

    private static async ValueTask<Stream> ConnectAsync(IHttpPrinterAddressFilter filter, DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endPoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new HttpRequestException($"The printer host {endPoint.Host} resolves to no address.");
        }

        if (filter.Refusal(endPoint.Host, endPoint.Port, addresses) is { } refusal)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, $"The shop does not connect to {endPoint.Host}:{endPoint.Port}: {refusal}");
        }

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
