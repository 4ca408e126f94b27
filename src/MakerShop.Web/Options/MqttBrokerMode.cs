namespace MakerShop.Web.Options;

public enum MqttBrokerMode
{
    /// <summary>The MQTTnet server runs inside the host, on loopback.</summary>
    Embedded,

    /// <summary>An external broker (Mosquitto, EMQX) configured with config/mosquitto.conf and its ACL.</summary>
    External,
}
