using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MakerShop.Contracts.Mqtt;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MakerShop.Bench.MakerLive;

/// <summary>
/// The peer: Debian's Mosquitto on a free loopback port carrying the same publish load to one subscriber of every
/// printer's telemetry. Its delay is broker-only (publish to subscriber), the floor under the shop's publish-to-browser delay.
/// </summary>
internal sealed class MosquittoPeer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private MosquittoPeer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public static async Task<MosquittoPeer> StartAsync(CancellationToken ct)
    {
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("makershop-bench-mosquitto-").FullName;
        var config = Path.Combine(folder, "mosquitto.conf");
        // The same per-message work as the shop's broker gets no cheaper here: no persistence, no auth, plain TCP on loopback.
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"""
            listener {port} 127.0.0.1
            allow_anonymous true
            persistence false
            max_queued_messages 10000
            log_type error
            """), ct);
        var start = new ProcessStartInfo(File.Exists("/usr/sbin/mosquitto") ? "/usr/sbin/mosquitto" : "mosquitto") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(config);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start mosquitto (sudo apt-get install -y mosquitto).");
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var peer = new MosquittoPeer(process, folder, port);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, ct);
                return peer;
            }
            catch (SocketException)
            {
                await Task.Delay(50, ct);
            }
        }

        await peer.DisposeAsync();
        throw new TimeoutException("mosquitto did not listen within 5 s.");
    }

    /// <summary>Subscribes to every printer's telemetry and records each message's delay since its <c>at</c>.</summary>
    public async Task<IMqttClient> SubscribeAsync(DelayRecorder delays, CancellationToken ct)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            var receivedAt = DateTimeOffset.UtcNow;
            if (ContractJson.TryDeserialize<TelemetryPayload>(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload)) is { } telemetry)
            {
                delays.Record(telemetry.At, receivedAt);
            }

            return Task.CompletedTask;
        };
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Port).WithClientId("bench-subscriber").WithProtocolVersion(MqttProtocolVersion.V500).Build(), ct);
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("makershop/v1/printers/+/telemetry", MqttQualityOfServiceLevel.AtMostOnce).Build(), ct);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
