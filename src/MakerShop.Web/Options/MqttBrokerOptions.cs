using System.ComponentModel.DataAnnotations;

namespace MakerShop.Web.Options;

/// <summary>Which broker the shop and its bridges use; bound from <c>MakerShop:Mqtt</c>.</summary>
public sealed class MqttBrokerOptions : IValidatableObject
{
    public const string SectionName = "MakerShop:Mqtt";

    public MqttBrokerMode Mode { get; set; } = MqttBrokerMode.Embedded;

    /// <summary>Embedded: the loopback address it binds. External: where the broker is.</summary>
    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 18830;

    /// <summary>The shop's own account; the broker's ACL lets it read and write all of makershop/v1/.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{3,64}$")]
    public string ShopUsername { get; set; } = "makershop-shop";

    /// <summary>Required for an external broker; the embedded broker makes a fresh one at every start.</summary>
    public string? ShopPassword { get; set; }

    [Range(100, 1_000_000)]
    public int MaxPendingMessagesPerClient { get; set; } = 10_000;

    /// <summary>
    /// The largest MQTT packet the embedded broker reads from any client; a bigger one closes that client's connection
    /// before it is buffered. Mosquitto's <c>max_packet_size</c> in config/mosquitto.conf says the same.
    /// </summary>
    [Range(4096, 268_435_455)]
    public int MaxPacketBytes { get; set; } = 256 * 1024;

    /// <summary>The largest retained state a printer may publish; a bigger one is dropped.</summary>
    [Range(512, 268_435_455)]
    public int MaxStatePayloadBytes { get; set; } = 16 * 1024;

    /// <summary>The largest telemetry reading a printer may publish; a bigger one is dropped.</summary>
    [Range(512, 268_435_455)]
    public int MaxTelemetryPayloadBytes { get; set; } = 16 * 1024;

    /// <summary>The largest event (job outcome, firmware error) a printer may publish; a bigger one is dropped.</summary>
    [Range(512, 268_435_455)]
    public int MaxEventPayloadBytes { get; set; } = 64 * 1024;

    /// <summary>The largest command acknowledgement a printer may publish; a bigger one is dropped.</summary>
    [Range(512, 268_435_455)]
    public int MaxAckPayloadBytes { get; set; } = 4 * 1024;

    /// <summary>
    /// Failed broker logins under one username from one address per window; after that that username's connects from
    /// that address are refused unchecked (a bridge left with an old secret blocks itself, not its neighbours).
    /// </summary>
    [Range(1, 10_000)]
    public int LoginFailuresPerWindow { get; set; } = 10;

    /// <summary>Failed broker logins one address may make per window under any usernames; after that all its connects are refused unchecked.</summary>
    [Range(1, 100_000)]
    public int LoginFailuresPerAddressPerWindow { get; set; } = 100;

    [Range(1, 86_400)]
    public int LoginFailureWindowSeconds { get; set; } = 300;

    /// <summary>
    /// How long a printer's telemetry may name another job than its last state before the shop takes the broker's
    /// QoS 1 delivery for stalled, reconnects and re-reads every retained state (Mosquitto 2.0.11 after a restore from
    /// its autosave; docs/benchmarks.md, accelerated soak). Several telemetry intervals, so a late state is no stall.
    /// </summary>
    [Range(5, 3_600)]
    public int DeliveryStallSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == MqttBrokerMode.External && string.IsNullOrWhiteSpace(ShopPassword))
        {
            yield return new ValidationResult(
                "MakerShop:Mqtt:ShopPassword is required when Mode is External (the shop logs in to the broker as ShopUsername).",
                [nameof(ShopPassword)]);
        }

        foreach (var (name, bytes) in new[]
        {
            (nameof(MaxStatePayloadBytes), MaxStatePayloadBytes), (nameof(MaxTelemetryPayloadBytes), MaxTelemetryPayloadBytes),
            (nameof(MaxEventPayloadBytes), MaxEventPayloadBytes), (nameof(MaxAckPayloadBytes), MaxAckPayloadBytes),
        })
        {
            if (bytes > MaxPacketBytes)
            {
                yield return new ValidationResult($"MakerShop:Mqtt:{name} ({bytes}) cannot be larger than MaxPacketBytes ({MaxPacketBytes}).", [name]);
            }
        }
    }
}
