namespace MakerShop.Printers.Mqtt;

/// <summary>How the shop's own MQTT client reaches the broker, embedded or external.</summary>
public sealed record MqttConnectionSettings(string Host, int Port, string Username, string Password, string ClientId)
{
    /// <summary>How long a printer's telemetry may contradict its last state before the shop takes the broker's QoS 1 delivery for stalled and reconnects.</summary>
    public TimeSpan DeliveryStallTolerance { get; init; } = TimeSpan.FromSeconds(30);

    public override string ToString() => $"MqttConnectionSettings {{ Host = {Host}, Port = {Port}, Username = {Username}, ClientId = {ClientId} }}";
}
