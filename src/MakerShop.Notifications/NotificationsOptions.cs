using System.ComponentModel.DataAnnotations;
using MakerShop.Core;
using MakerShop.Notifications.Outbound;

namespace MakerShop.Notifications;

/// <summary>Outbound webhooks, bound from <c>MakerShop:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "MakerShop:Webhooks";

    /// <summary>Also applies to the ntfy and Discord addresses people give for their notifications.</summary>
    public OutboundAddressPolicy AddressPolicy { get; set; } = OutboundAddressPolicy.PublicOnly;

    /// <summary>An endpoint that has not answered 2xx within this time has failed the attempt.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    [Range(1, 3600)]
    public int FirstRetrySeconds { get; set; } = 30;

    [Range(1.0, 10.0)]
    public double RetryFactor { get; set; } = 2;

    [Range(1, 1440)]
    public int MaxRetryMinutes { get; set; } = 60;

    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How often the worker looks for new events and due deliveries.</summary>
    [Range(50, 60000)]
    public int PollMilliseconds { get; set; } = 1000;

    public DeliveryBackoff Backoff => new(TimeSpan.FromSeconds(FirstRetrySeconds), RetryFactor, TimeSpan.FromMinutes(MaxRetryMinutes), MaxAttempts);
}
