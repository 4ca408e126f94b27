using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MQTTnet.Server;

namespace MakerShop.FirmwareBridge.Tests.Support;

/// <summary>A real MQTTnet server on a free loopback port.</summary>
internal sealed class InProcessBroker : IAsyncDisposable
{
    private readonly MqttServer server;

    private InProcessBroker(MqttServer server, int port)
    {
        this.server = server;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Every message a client published, as the broker took it; no subscriber needed to see it.</summary>
    public ConcurrentQueue<(string Topic, byte[] Payload, bool Retain)> Published { get; } = new();

    /// <summary>Starts a broker; pass the port of a stopped one to play a broker restart.</summary>
    public static async Task<InProcessBroker> StartAsync(int? port = null)
    {
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(port ?? FreePort())
            .WithDefaultEndpointReuseAddress()
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        var broker = new InProcessBroker(server, options.DefaultEndpointOptions.Port);
        server.InterceptingPublishAsync += e =>
        {
            broker.Published.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray(), e.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
        await server.StartAsync().WaitAsync(Await.Timeout);
        return broker;
    }

    public async ValueTask DisposeAsync()
    {
        await server.StopAsync().WaitAsync(Await.Timeout);
        server.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
