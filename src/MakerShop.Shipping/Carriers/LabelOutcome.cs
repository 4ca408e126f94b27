using MakerShop.Core;

namespace MakerShop.Shipping.Carriers;

/// <summary>A bought label, or why the provider refused: a refusal is an expected outcome, not an exception.</summary>
public sealed record LabelOutcome(ShippingLabel? Label, string? Error, int? ProviderStatusCode)
{
    public static LabelOutcome Bought(ShippingLabel label) => new(label, null, null);

    public static LabelOutcome Refused(string error, int? statusCode = null) => new(null, error, statusCode);
}
