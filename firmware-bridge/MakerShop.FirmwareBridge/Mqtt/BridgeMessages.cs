using MakerShop.Contracts.Mqtt;
using MQTTnet;
using MQTTnet.Protocol;

namespace MakerShop.FirmwareBridge.Mqtt;

/// <summary>The contract's topics, QoS and retain flags for each kind of message, in one place.</summary>
internal static class BridgeMessages
{
    public static MqttApplicationMessage State(string printerId, PrinterStatePayload state) =>
        Build(PrinterTopics.State(printerId), ContractJson.Serialize(state), MqttQualityOfServiceLevel.AtLeastOnce, retain: true);

    /// <summary>The retained state of a bridge that went away (its last will, and its clean goodbye).</summary>
    public static PrinterStatePayload OfflineState(BridgeOptions options, DateTimeOffset at) =>
        PrinterStatePayload.Offline(at) with { AutoEject = options.AutoEject };

    public static MqttApplicationMessage Telemetry(string printerId, TelemetryPayload telemetry) =>
        Build(PrinterTopics.Telemetry(printerId), ContractJson.Serialize(telemetry), MqttQualityOfServiceLevel.AtMostOnce, retain: false);

    public static MqttApplicationMessage Event(string printerId, PrinterEventPayload payload) =>
        Build(PrinterTopics.Events(printerId), ContractJson.Serialize(payload), MqttQualityOfServiceLevel.AtLeastOnce, retain: false);

    public static MqttApplicationMessage Ack(string printerId, CommandAckPayload ack) =>
        Build(PrinterTopics.CommandAcks(printerId), ContractJson.Serialize(ack), MqttQualityOfServiceLevel.AtLeastOnce, retain: false);

    private static MqttApplicationMessage Build(string topic, byte[] payload, MqttQualityOfServiceLevel qos, bool retain) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(qos)
            .WithRetainFlag(retain)
            .Build();
}
