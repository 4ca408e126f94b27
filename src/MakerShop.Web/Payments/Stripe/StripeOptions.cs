using System.ComponentModel.DataAnnotations;

namespace MakerShop.Web.Payments.Stripe;

/// <summary>Stripe Checkout; off unless both keys are set. Bound from <c>MakerShop:Payments:Stripe</c>.</summary>
public sealed class StripeOptions
{
    public const string SectionName = "MakerShop:Payments:Stripe";

    public string? SecretKey { get; set; }

    /// <summary>The endpoint's signing secret (whsec_…) that every webhook's Stripe-Signature header is checked against.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Where the API lives; only tests point it elsewhere.</summary>
    public Uri? ApiBase { get; set; }

    /// <summary>How old a signed webhook may be before it counts as a replay.</summary>
    public int SignatureToleranceSeconds { get; set; } = 300;

    /// <summary>The largest webhook body accepted; Stripe's events are a few KiB, so anything above is refused (413)
    /// before it is read.</summary>
    [Range(4 * 1024, 16 * 1024 * 1024)]
    public int MaxWebhookBodyBytes { get; set; } = 256 * 1024;

    public bool Enabled => !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(WebhookSecret);
}
