using System.Globalization;
using System.Text.RegularExpressions;
using MakerShop.Core;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Admin.Catalog;

/// <summary>What the owner types for a product; <see cref="ApplyTo"/> checks every field and names the wrong one.</summary>
public sealed partial record ProductInput
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public decimal Price { get; init; }
    public string? Currency { get; init; } = "EUR";
    public string? HsCode { get; init; }
    public double? NetWeightGrams { get; init; }
    public int LeadTimeDays { get; init; } = 5;
    public double? PartX { get; init; }
    public double? PartY { get; init; }
    public double? PartZ { get; init; }

    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>The product with the input applied; the part size only when all three sides are given.</summary>
    public ProductDetails ApplyTo(ProductDetails product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var name = Required(Name, "name", "The name", 120);
        var description = Required(Description, "description", "The description", 4000);
        if (!Core.Currency.TryFromCode(Currency?.Trim().ToUpperInvariant(), out var currency))
        {
            throw new DomainValidationException("currency", $"'{Currency}' is not a currency the shop sells in.");
        }

        if (Price <= 0 || Price > 100_000)
        {
            throw new DomainValidationException("price", "The price must be more than 0 and at most 100 000.");
        }

        var price = Money.FromDecimal(Price, currency, MidpointRounding.AwayFromZero);
        if (price.ToDecimal() != Price)
        {
            throw new DomainValidationException("price", string.Create(CultureInfo.InvariantCulture, $"{currency.Code} has {currency.MinorUnits} decimal places; {Price} has more."));
        }

        var hs = Core.HsCode.Normalise(string.IsNullOrWhiteSpace(HsCode) ? Core.HsCode.Default : HsCode);
        if (NetWeightGrams is { } weight && (!double.IsFinite(weight) || weight <= 0 || weight > 50_000))
        {
            throw new DomainValidationException("netWeightGrams", "The net weight must be more than 0 and at most 50 000 g, or left empty to estimate it from the G-code.");
        }

        if (LeadTimeDays is < 1 or > 90)
        {
            throw new DomainValidationException("leadTimeDays", "The lead time must be between 1 and 90 days.");
        }

        var updated = product with
        {
            Name = name,
            Description = description,
            PriceMinor = price.MinorUnits,
            Currency = currency.Code,
            HsCode = hs,
            NetWeightGrams = NetWeightGrams,
            LeadTimeDays = LeadTimeDays,
        };
        if (PartX is null && PartY is null && PartZ is null)
        {
            return updated;
        }

        foreach (var (side, value) in new[] { ("partX", PartX), ("partY", PartY), ("partZ", PartZ) })
        {
            if (value is not { } mm || !double.IsFinite(mm) || mm <= 0 || mm > 1000)
            {
                throw new DomainValidationException(side, "Each side of the part must be more than 0 and at most 1000 mm.");
            }
        }

        return updated with { PartX = PartX!.Value, PartY = PartY!.Value, PartZ = PartZ!.Value };
    }

    public static MaterialOption Variant(string? material, string? colour) =>
        new(Required(material, "material", "The material", 20).ToUpperInvariant(), Required(colour, "colour", "The colour", 40).ToLowerInvariant());

    private static string Required(string? value, string field, string what, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainValidationException(field, $"{what} is required.");
        }

        var trimmed = value.Trim();
        return trimmed.Length <= maxLength ? trimmed : throw new DomainValidationException(field, $"{what} is at most {maxLength} characters.");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,59}$")]
    private static partial Regex IdPattern();
}
