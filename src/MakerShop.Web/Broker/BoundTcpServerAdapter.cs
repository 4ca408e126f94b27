using System.Net;
using System.Net.Sockets;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;

namespace MakerShop.Web.Broker;

/// <summary>
/// The embedded broker's TCP listener, in place of MQTTnet's own. MQTTnet's default endpoint always opens a second
/// socket on every IPv6 interface, whatever IPv4 address it is bound to; this one listens on the configured address
/// only. It also reads every client through a <see cref="PacketSizeGuardStream"/>, which MQTTnet has no option for.
/// </summary>
public sealed class BoundTcpServerAdapter(IPEndPoint endpoint, int maxPacketBytes, Action<EndPoint?, long> onPacketTooLarge) : IMqttServerAdapter
{
    private Socket? _listener;
    private CancellationTokenSource? _stopping;

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    /// <summary>Where it listens; the port the OS chose when the configured one is 0.</summary>
    public IPEndPoint? LocalEndPoint => _listener?.LocalEndPoint as IPEndPoint;

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (endpoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                // "::" means IPv6 only here, never IPv4 as well through a dual-mode socket.
                listener.DualMode = false;
            }

            listener.Bind(endpoint);
            listener.Listen(100);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        _stopping = new CancellationTokenSource();
        _ = AcceptAsync(listener, options, logger, _stopping.Token);
        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        Cleanup();
        return Task.CompletedTask;
    }

    public void Dispose() => Cleanup();

    private void Cleanup()
    {
        _stopping?.Cancel();
        _stopping?.Dispose();
        _stopping = null;
        _listener?.Dispose();
        _listener = null;
    }

    private async Task AcceptAsync(Socket listener, MqttServerOptions options, IMqttNetLogger logger, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException
                || (ex is SocketException s && s.SocketErrorCode is SocketError.OperationAborted or SocketError.Interrupted))
            {
                return;
            }
            catch (SocketException)
            {
                // A connection reset before it was accepted: nothing to serve, keep listening.
                continue;
            }

            _ = Task.Run(() => ServeAsync(client, options, logger), CancellationToken.None);
        }
    }

    private async Task ServeAsync(Socket socket, MqttServerOptions options, IMqttNetLogger logger)
    {
        var remote = socket.RemoteEndPoint;
        socket.NoDelay = true;
        // As MQTTnet's own listener: a closed connection is reset, not left lingering.
        socket.LingerState = new LingerOption(true, 0);
        var stream = new PacketSizeGuardStream(new NetworkStream(socket, ownsSocket: true), maxPacketBytes, size => onPacketTooLarge(remote, size));
        try
        {
            if (ClientHandler is { } handler)
            {
                var channel = new MqttTcpChannel(stream, socket.LocalEndPoint, remote, null);
                var formatter = new MqttPacketFormatterAdapter(new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax));
                using var adapter = new MqttChannelAdapter(channel, formatter, logger);
                await handler(adapter);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away (or was sent away for an oversized packet); the broker has already noted it.
        }
        finally
        {
            await stream.DisposeAsync();
        }
    }
}
