using System.Net.Sockets;

namespace MakerShop.FirmwareBridge.Transport;

/// <summary>Firmware behind a TCP socket: the virtual printer, or a serial-to-network adapter.</summary>
public sealed class TcpFirmwareTransport(string host, int port) : IFirmwareTransport
{
    public string Host { get; } = host;

    public int Port { get; } = port;

    public async Task<IFirmwareConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(Host, Port, cancellationToken);
            return new StreamFirmwareConnection(client.GetStream(), client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public override string ToString() => $"tcp {Host}:{Port}";
}
