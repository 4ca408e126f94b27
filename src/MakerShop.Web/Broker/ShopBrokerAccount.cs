using MakerShop.Web.Options;

namespace MakerShop.Web.Broker;

/// <summary>The shop's own broker login. For the embedded broker a fresh random password is made at every start.</summary>
public sealed record ShopBrokerAccount(string Username, string Password)
{
    public static ShopBrokerAccount From(MqttBrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var password = options.Mode == MqttBrokerMode.External
            ? options.ShopPassword!
            : Devices.DeviceSecrets.NewSecret();
        return new ShopBrokerAccount(options.ShopUsername, password);
    }

    public override string ToString() => $"ShopBrokerAccount {{ Username = {Username} }}";
}
