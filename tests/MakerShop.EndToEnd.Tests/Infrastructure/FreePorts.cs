using System.Net;
using System.Net.Sockets;

namespace MakerShop.EndToEnd.Tests.Infrastructure;

public static class FreePorts
{
    /// <summary>A loopback port that was free a moment ago; tests that restart a host need to know it in advance.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
