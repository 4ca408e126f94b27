namespace MakerShop.Printers.Mqtt;

/// <summary>How the shop's own MQTT client reaches the broker, embedded or external.</summary>
public sealed record MqttConnectionSettings(string Host, int Port, string Username, string Password, string ClientId)
{
    public override string ToString() => $"MqttConnectionSettings {{ Host = {Host}, Port = {Port}, Username = {Username}, ClientId = {ClientId} }}";
}
