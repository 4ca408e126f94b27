using System.ComponentModel.DataAnnotations;

namespace MakerShop.Web.Quotes;

/// <summary>Instant quotes: upload limits, validity, the price formula and material prices; bound from <c>MakerShop:Quoting</c>.</summary>
public sealed class QuotingOptions : IValidatableObject
{
    public const string SectionName = "MakerShop:Quoting";

    /// <summary>Largest model upload accepted; a larger one is answered 413.</summary>
    [Range(1024, 2L * 1024 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 100 * 1024 * 1024;

    [Range(1, 50_000_000)]
    public long MaxTriangles { get; set; } = 10_000_000;

    /// <summary>How much a 3MF package may inflate to.</summary>
    [Range(1024, 8L * 1024 * 1024 * 1024)]
    public long MaxUncompressedBytes { get; set; } = 1024L * 1024 * 1024;

    [Range(1, 24 * 90)]
    public int ValidityHours { get; set; } = 72;

    /// <summary>Days between a part coming off the printer and it leaving the shop.</summary>
    [Range(0, 30)]
    public int HandlingDays { get; set; } = 1;

    /// <summary>A part thinner than this at its thinnest gets a warning.</summary>
    [Range(0, 100)]
    public double ThinPartMm { get; set; } = 1.0;

    [Required]
    public string DefaultMaterial { get; set; } = "PLA";

    /// <summary>ISO 4217 code of the shop's own prices (setup fee, hourly rate, material prices).</summary>
    [Required]
    public string Currency { get; set; } = "EUR";

    [Range(0, 10_000)]
    public decimal SetupFee { get; set; } = 5.00m;

    [Range(0, 10_000)]
    public decimal HourlyRate { get; set; } = 4.00m;

    [Range(0, 10_000)]
    public decimal MinimumPrice { get; set; } = 8.00m;

    /// <summary>Fraction on top of cost: 0.3 = 30 %.</summary>
    [Range(0, 10)]
    public decimal Margin { get; set; } = 0.30m;

    /// <summary>Material → price per kilogram in <see cref="Currency"/>.</summary>
    public Dictionary<string, decimal> MaterialPricePerKg { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MakerShop.Core.Currency.TryFromCode(Currency, out _))
        {
            yield return new ValidationResult($"'{Currency}' is not a known currency.", [nameof(Currency)]);
        }

        if (MaterialPricePerKg.Count == 0)
        {
            yield return new ValidationResult("At least one material needs a price per kilogram.", [nameof(MaterialPricePerKg)]);
        }

        foreach (var (material, price) in MaterialPricePerKg)
        {
            if (price <= 0)
            {
                yield return new ValidationResult($"The price of {material} must be positive.", [$"{nameof(MaterialPricePerKg)}:{material}"]);
            }
        }

        if (!MaterialPricePerKg.ContainsKey(DefaultMaterial))
        {
            yield return new ValidationResult($"The default material {DefaultMaterial} has no price.", [nameof(DefaultMaterial)]);
        }
    }
}
