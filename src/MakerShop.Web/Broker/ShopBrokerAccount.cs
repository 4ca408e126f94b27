using MakerShop.Web.Options;

namespace MakerShop.Web.Broker;

/// <summary>
/// The shop's own broker login and client id. For the embedded broker a fresh random password is made at every start;
/// the broker grants the shop's rights to this username and password, never to a client id.
/// </summary>
public sealed record ShopBrokerAccount(string Username, string Password, string ClientId)
{
    public static ShopBrokerAccount From(MqttBrokerOptions options, string clientId)
    {
        ArgumentNullException.ThrowIfNull(options);
        var password = options.Mode == MqttBrokerMode.External
            ? options.ShopPassword!
            : Devices.DeviceSecrets.NewSecret();
        return new ShopBrokerAccount(options.ShopUsername, password, clientId);
    }

    public override string ToString() => $"ShopBrokerAccount {{ Username = {Username}, ClientId = {ClientId} }}";
}
