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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == MqttBrokerMode.External && string.IsNullOrWhiteSpace(ShopPassword))
        {
            yield return new ValidationResult(
                "MakerShop:Mqtt:ShopPassword is required when Mode is External (the shop logs in to the broker as ShopUsername).",
                [nameof(ShopPassword)]);
        }
    }
}
