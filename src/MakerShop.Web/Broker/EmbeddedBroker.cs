using System.Net;
using MakerShop.Contracts.Devices;
using MakerShop.Web.Devices;
using MakerShop.Web.Options;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace MakerShop.Web.Broker;

/// <summary>The MQTTnet server inside the host, on loopback, authenticating every printer against its stored secret.</summary>
public sealed partial class EmbeddedBroker(
    IOptions<MqttBrokerOptions> options,
    ShopBrokerAccount shopAccount,
    IServiceScopeFactory scopes,
    ILogger<EmbeddedBroker> logger) : IHostedService, IAsyncDisposable
{
    private readonly BrokerAccessPolicy _policy = new(shopAccount.Username);
    private MqttServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(settings.Host))
            .WithDefaultEndpointPort(settings.Port)
            .WithPersistentSessions()
            .WithMaxPendingMessagesPerClient(settings.MaxPendingMessagesPerClient)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        _server.ValidatingConnectionAsync += ValidateConnectionAsync;
        _server.InterceptingPublishAsync += InterceptPublishAsync;
        _server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        await _server.StartAsync();
        LogStarted(logger, settings.Host, settings.Port);
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
        if (_policy.IsShop(args.UserName))
        {
            args.ReasonCode = string.Equals(args.Password, shopAccount.Password, StringComparison.Ordinal)
                && args.ClientId.StartsWith(shopAccount.Username, StringComparison.Ordinal)
                ? MqttConnectReasonCode.Success
                : MqttConnectReasonCode.BadUserNameOrPassword;
        }
        else
        {
            using var scope = scopes.CreateScope();
            var authenticator = scope.ServiceProvider.GetRequiredService<DeviceAuthenticator>();
            // The client id must be the printer id: otherwise one printer could resume another's persistent session.
            var valid = args.UserName is not null
                && string.Equals(args.ClientId, args.UserName, StringComparison.Ordinal)
                && await authenticator.IsValidAsync(new DeviceCredentials(args.UserName, args.Password ?? string.Empty), args.CancellationToken);
            args.ReasonCode = valid ? MqttConnectReasonCode.Success : MqttConnectReasonCode.BadUserNameOrPassword;
        }

        if (args.ReasonCode != MqttConnectReasonCode.Success)
        {
            LogRefusedConnection(logger, args.ClientId, args.UserName ?? "(none)");
        }
    }

    private Task InterceptPublishAsync(InterceptingPublishEventArgs args)
    {
        if (!_policy.MayPublish(args.UserName, args.ApplicationMessage.Topic))
        {
            args.ProcessPublish = false;
            args.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            LogRefusedPublish(logger, args.UserName ?? "(none)", args.ApplicationMessage.Topic);
        }

        return Task.CompletedTask;
    }

    private Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs args)
    {
        if (!_policy.MaySubscribe(args.UserName, args.TopicFilter.Topic))
        {
            args.ProcessSubscription = false;
            args.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            LogRefusedSubscription(logger, args.UserName ?? "(none)", args.TopicFilter.Topic);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Host}:{Port}")]
    private static partial void LogStarted(ILogger logger, string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker refused connection of client {ClientId} as {Username}: bad credentials")]
    private static partial void LogRefusedConnection(ILogger logger, string clientId, string username);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker refused a publish by {Username} to {Topic}")]
    private static partial void LogRefusedPublish(ILogger logger, string username, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker refused a subscription by {Username} to {Topic}")]
    private static partial void LogRefusedSubscription(ILogger logger, string username, string topic);
}
