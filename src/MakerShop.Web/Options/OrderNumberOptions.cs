using System.ComponentModel.DataAnnotations;
using MakerShop.Core;

namespace MakerShop.Web.Options;

/// <summary>How order numbers read ("MS-1042"); bound from <c>MakerShop:OrderNumbers</c>.</summary>
public sealed class OrderNumberOptions : IValidatableObject
{
    public const string SectionName = "MakerShop:OrderNumbers";

    /// <summary>Capital letters before the dash. Changing it renames every order on screen; the numbers stay.</summary>
    public string Prefix { get; set; } = "MS";

    /// <summary>The first order's number; raising it later skips ahead, lowering it never reuses a number.</summary>
    [Range(1, OrderNumber.MaxValue)]
    public long FirstNumber { get; set; } = 1001;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!OrderNumber.IsValidPrefix(Prefix))
        {
            yield return new ValidationResult(
                $"MakerShop:OrderNumbers:Prefix '{Prefix}' must be 1 to {OrderNumber.MaxPrefixLength} capital letters A–Z.", [nameof(Prefix)]);
        }
    }
}
