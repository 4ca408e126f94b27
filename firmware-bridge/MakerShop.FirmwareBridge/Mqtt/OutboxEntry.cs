using System.Text.Json.Serialization;
using MakerShop.Contracts.Mqtt;

namespace MakerShop.FirmwareBridge.Mqtt;

/// <summary>One message the shop must get: an event or an ack (exactly one of the two), kept until the broker takes it.</summary>
internal sealed record OutboxEntry(PrinterEventPayload? Event, CommandAckPayload? Ack)
{
    public static OutboxEntry For(PrinterEventPayload payload) => new(payload, null);

    public static OutboxEntry For(CommandAckPayload payload) => new(null, payload);

    [JsonIgnore]
    public bool IsValid => (Event is null) != (Ack is null);
}
