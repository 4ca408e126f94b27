using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using MakerShop.Contracts.Devices;
using MakerShop.Contracts.Mqtt;
using MakerShop.Web.Devices;
using MakerShop.Web.Options;
using MakerShop.Web.Security;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace MakerShop.Web.Broker;

/// <summary>
/// The MQTTnet server inside the host, listening on the configured address only, authenticating every printer against
/// its stored secret, refusing packets and payloads over their limits, and throttling failed logins per address.
/// </summary>
public sealed partial class EmbeddedBroker(
    IOptions<MqttBrokerOptions> options,
    ShopBrokerAccount shopAccount,
    ReservedPrinterIds reservedIds,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<EmbeddedBroker> logger) : IHostedService, IAsyncDisposable
{
    private const string NotLoggedIn = "(not logged in)";
    private readonly BrokerAccessPolicy _policy = new(shopAccount.Username);
    private readonly FailureThrottle _usernameLogins = new(
        options.Value.LoginFailuresPerWindow, TimeSpan.FromSeconds(options.Value.LoginFailureWindowSeconds), time);

    private readonly FailureThrottle _addressLogins = new(
        options.Value.LoginFailuresPerAddressPerWindow, TimeSpan.FromSeconds(options.Value.LoginFailureWindowSeconds), time);

    // Who logged in on each connection, so an oversized packet (caught below MQTTnet, by socket) is logged by printer id.
    private readonly ConcurrentDictionary<string, string> _usernameByEndpoint = new(StringComparer.Ordinal);
    private MqttServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var endpoint = new IPEndPoint(IPAddress.Parse(settings.Host), settings.Port);
        var adapter = new BoundTcpServerAdapter(endpoint, settings.MaxPacketBytes, OnPacketTooLarge);
        var serverOptions = new MqttServerOptionsBuilder()
            .WithPersistentSessions()
            .WithMaxPendingMessagesPerClient(settings.MaxPendingMessagesPerClient)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions, [adapter]);
        _server.ValidatingConnectionAsync += ValidateConnectionAsync;
        _server.InterceptingPublishAsync += InterceptPublishAsync;
        _server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        _server.ClientDisconnectedAsync += OnClientDisconnectedAsync;
        await _server.StartAsync();
        LogStarted(logger, settings.Host, settings.Port, settings.MaxPacketBytes);
    }

    /// <summary>
    /// Drops the connection of the printer's client, if it is connected: after a secret rotation the session that logged
    /// in with the old secret must not live on; the bridge reconnects, and only the new secret lets it back in.
    /// </summary>
    public async Task<bool> DisconnectPrinterAsync(string printerId)
    {
        if (_server is null)
        {
            return false;
        }

        foreach (var client in await _server.GetClientsAsync())
        {
            if (string.Equals(client.Id, printerId, StringComparison.Ordinal))
            {
                await client.DisconnectAsync(new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.NotAuthorized, ReasonString = "credentials rotated" });
                return true;
            }
        }

        return false;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _server?.Dispose();
        _server = null;
        await Task.CompletedTask;
    }

    private async Task ValidateConnectionAsync(ValidatingConnectionEventArgs args)
    {
        var endpoint = args.RemoteEndPoint?.ToString() ?? "unknown";
        var address = AddressOf(args.RemoteEndPoint);

        // The shop is checked first, so that guessing from the shop's own host never locks the shop itself out. Its
        // rights come from its password alone; the client id only has to be of the shop's form, so that no session
        // under a printer's id is ever the shop's.
        if (_policy.IsShop(args.UserName) && IsShopPassword(args.Password)
            && args.ClientId?.StartsWith(shopAccount.Username + "-", StringComparison.Ordinal) == true)
        {
            _usernameByEndpoint[endpoint] = shopAccount.Username;
            return;
        }

        var usernameKey = address + " " + args.UserName;
        if (_addressLogins.IsBlocked(address, out _) || _usernameLogins.IsBlocked(usernameKey, out _))
        {
            // Refused without looking at the secret, and not logged again: the block was logged when it began.
            args.ReasonCode = MqttConnectReasonCode.ConnectionRateExceeded;
            return;
        }

        var refusal = await RefusalAsync(args);
        if (refusal is null)
        {
            _usernameByEndpoint[endpoint] = args.UserName!;
            return;
        }

        args.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
        LogRefusedConnection(logger, Shorten(args.UserName), Shorten(args.ClientId), endpoint, refusal);
        if (_usernameLogins.RecordFailure(usernameKey))
        {
            LogUsernameLoginsBlocked(logger, Shorten(args.UserName), address, _usernameLogins.Limit, options.Value.LoginFailureWindowSeconds);
        }

        RecordAddressFailure(address);
    }

    private void RecordAddressFailure(string address)
    {
        if (_addressLogins.RecordFailure(address))
        {
            LogAddressLoginsBlocked(logger, address, _addressLogins.Limit, options.Value.LoginFailureWindowSeconds);
        }
    }

    /// <summary>Why a printer's login is refused, or null when it is its own, valid login.</summary>
    private async Task<string?> RefusalAsync(ValidatingConnectionEventArgs args)
    {
        if (string.IsNullOrEmpty(args.UserName) || _policy.IsShop(args.UserName))
        {
            return "bad credentials";
        }

        // The client id must be the printer id: otherwise one printer could resume another's (or the shop's) session,
        // and MQTTnet would drop the client that held it.
        if (!string.Equals(args.ClientId, args.UserName, StringComparison.Ordinal))
        {
            return "client id is not its username";
        }

        if (reservedIds.IsReserved(args.UserName))
        {
            return "reserved id";
        }

        using var scope = scopes.CreateScope();
        var authenticator = scope.ServiceProvider.GetRequiredService<DeviceAuthenticator>();
        return await authenticator.IsValidAsync(new DeviceCredentials(args.UserName, args.Password ?? string.Empty), args.CancellationToken)
            ? null
            : "bad credentials";
    }

    private Task InterceptPublishAsync(InterceptingPublishEventArgs args)
    {
        var topic = args.ApplicationMessage.Topic;
        if (!_policy.MayPublish(args.UserName, topic))
        {
            args.ProcessPublish = false;
            args.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            LogRefusedPublish(logger, args.UserName ?? NotLoggedIn, topic);
            return Task.CompletedTask;
        }

        var bytes = args.ApplicationMessage.Payload.Length;
        if (!_policy.IsShop(args.UserName) && PayloadLimit(args.UserName!, topic) is var limit && bytes > limit)
        {
            args.ProcessPublish = false;
            args.Response.ReasonCode = MqttPubAckReasonCode.QuotaExceeded;
            LogDroppedPayload(logger, args.UserName!, bytes, topic, limit);
        }

        return Task.CompletedTask;
    }

    private Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs args)
    {
        if (!_policy.MaySubscribe(args.UserName, args.TopicFilter.Topic))
        {
            args.ProcessSubscription = false;
            args.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            LogRefusedSubscription(logger, args.UserName ?? NotLoggedIn, args.TopicFilter.Topic);
        }

        return Task.CompletedTask;
    }

    private Task OnClientDisconnectedAsync(ClientDisconnectedEventArgs args)
    {
        if (args.RemoteEndPoint?.ToString() is { } endpoint)
        {
            _usernameByEndpoint.TryRemove(endpoint, out _);
        }

        return Task.CompletedTask;
    }

    private void OnPacketTooLarge(EndPoint? remote, long bytes)
    {
        var endpoint = remote?.ToString() ?? "unknown";
        if (_usernameByEndpoint.TryRemove(endpoint, out var username))
        {
            LogPacketTooLarge(logger, username, bytes, endpoint, options.Value.MaxPacketBytes);
            return;
        }

        // Before any login: it counts as a failed one, so a stream of oversized CONNECTs is throttled and not logged on.
        var address = AddressOf(remote);
        if (_addressLogins.IsBlocked(address, out _))
        {
            return;
        }

        LogPacketTooLarge(logger, NotLoggedIn, bytes, endpoint, options.Value.MaxPacketBytes);
        RecordAddressFailure(address);
    }

    private int PayloadLimit(string printerId, string topic)
    {
        var settings = options.Value;
        return topic == PrinterTopics.State(printerId) ? settings.MaxStatePayloadBytes
            : topic == PrinterTopics.Telemetry(printerId) ? settings.MaxTelemetryPayloadBytes
            : topic == PrinterTopics.Events(printerId) ? settings.MaxEventPayloadBytes
            : topic == PrinterTopics.CommandAcks(printerId) ? settings.MaxAckPayloadBytes
            : settings.MaxPacketBytes;
    }

    private bool IsShopPassword(string? password) =>
        password is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(password)), SHA256.HashData(Encoding.UTF8.GetBytes(shopAccount.Password)));

    private static string AddressOf(EndPoint? endpoint) => endpoint switch
    {
        IPEndPoint ip => ip.Address.ToString(),
        null => "unknown",
        _ => endpoint.ToString() ?? "unknown",
    };

    // A username or client id is whatever the client sent: the log gets a bounded piece of it.
    private static string Shorten(string? value) => value is null ? "(none)" : value.Length <= 64 ? value : value[..64] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Host}:{Port} (packets up to {MaxPacketBytes} bytes)")]
    private static partial void LogStarted(ILogger logger, string host, int port, int maxPacketBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker refused the login of {Username} (client {ClientId}) from {RemoteEndPoint}: {Reason}")]
    private static partial void LogRefusedConnection(ILogger logger, string username, string clientId, string remoteEndPoint, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker refuses logins of {Username} from {RemoteAddress} unchecked for now: {Failures} failed within {WindowSeconds} s")]
    private static partial void LogUsernameLoginsBlocked(ILogger logger, string username, string remoteAddress, int failures, int windowSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker refuses all logins from {RemoteAddress} unchecked for now: {Failures} failed within {WindowSeconds} s")]
    private static partial void LogAddressLoginsBlocked(ILogger logger, string remoteAddress, int failures, int windowSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker closed the connection of printer {PrinterId} from {RemoteEndPoint}: it sent a {Bytes}-byte packet, over the {MaxPacketBytes}-byte limit")]
    private static partial void LogPacketTooLarge(ILogger logger, string printerId, long bytes, string remoteEndPoint, int maxPacketBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker dropped a {Bytes}-byte message of printer {PrinterId} on {Topic}: over the {Limit}-byte limit for that topic")]
    private static partial void LogDroppedPayload(ILogger logger, string printerId, long bytes, string topic, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker refused a publish by {Username} to {Topic}")]
    private static partial void LogRefusedPublish(ILogger logger, string username, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker refused a subscription by {Username} to {Topic}")]
    private static partial void LogRefusedSubscription(ILogger logger, string username, string topic);
}
