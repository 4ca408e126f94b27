using System.Net;
using System.Net.Sockets;
using System.Text;
using MakerShop.Printers.Http;

namespace MakerShop.Printers.Tests.Connectors;

/// <summary>The socket handler under the printer clients: no redirects, and the host's address filter on every connection.</summary>
public sealed class HttpPrinterSocketHandlerTests
{
    [Fact]
    public async Task A_printer_answering_with_a_redirect_does_not_send_the_shop_elsewhere()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var served = AnswerOnceAsync(listener, "HTTP/1.1 302 Found\r\nLocation: http://169.254.169.254/latest/meta-data/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        using var client = new HttpClient(HttpPrinterSocketHandler.Create(filter: null));

        using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/api/version"));
        await served;

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(new Uri($"http://127.0.0.1:{port}/api/version"), response.RequestMessage!.RequestUri);
    }

    [Fact]
    public async Task The_address_filter_sees_the_resolved_addresses_and_its_refusal_stops_the_connection()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var filter = new RefuseLoopback();
        using var client = new HttpClient(HttpPrinterSocketHandler.Create(filter));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://localhost:{port}/api/version")));

        Assert.Contains("loopback is not for makers", refused.Message, StringComparison.Ordinal);
        Assert.Equal(("localhost", port), filter.Asked);
        Assert.Contains(filter.Addresses, IPAddress.IsLoopback);
        Assert.False(listener.Pending());
    }

    private static async Task AnswerOnceAsync(TcpListener listener, string response)
    {
        using var socket = await listener.AcceptSocketAsync();
        var buffer = new byte[4096];
        var request = new StringBuilder();
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer);
            if (read == 0)
            {
                break;
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        await socket.SendAsync(Encoding.ASCII.GetBytes(response));
        socket.Shutdown(SocketShutdown.Both);
    }

    private sealed class RefuseLoopback : IHttpPrinterAddressFilter
    {
        public (string Host, int Port) Asked { get; private set; }

        public IReadOnlyList<IPAddress> Addresses { get; private set; } = [];

        public string? Refusal(string host, int port, IReadOnlyList<IPAddress> addresses)
        {
            Asked = (host, port);
            Addresses = addresses;
            return addresses.Any(IPAddress.IsLoopback) ? "loopback is not for makers" : null;
        }
    }
}
