using System.Globalization;
using System.Text.RegularExpressions;
using MakerShop.Core;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Admin.Catalog;

/// <summary>
/// What the owner types for a product, as the form's text (numbers are read culture-free by <see cref="FormNumber"/>);
/// <see cref="ApplyTo"/> checks every field and names the wrong one.
/// </summary>
public sealed partial record ProductInput
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Price { get; init; }
    public string? Currency { get; init; } = "EUR";
    public string? HsCode { get; init; }
    public string? NetWeightGrams { get; init; }
    public string? LeadTimeDays { get; init; } = "5";
    public string? PartX { get; init; }
    public string? PartY { get; init; }
    public string? PartZ { get; init; }

    /// <summary>The part size typed by the owner, when all three sides are; each side within <see cref="ProductLimits"/>.</summary>
    public Size3? PartSize() => FormNumber.Optional(PartX, "partX") is { } x && FormNumber.Optional(PartY, "partY") is { } y && FormNumber.Optional(PartZ, "partZ") is { } z
        ? new Size3(ProductLimits.RequireSide(x, "partX"), ProductLimits.RequireSide(y, "partY"), ProductLimits.RequireSide(z, "partZ"))
        : null;

    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>The product with the input applied; the part size only when all three sides are given.</summary>
    public ProductDetails ApplyTo(ProductDetails product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var name = Required(Name, "name", "The name", 120);
        InputLimits.Require(name, 120, "name", "The name");
        var description = Required(Description, "description", "The description", 4000);
        if (!Core.Currency.TryFromCode(Currency?.Trim().ToUpperInvariant(), out var currency))
        {
            throw new DomainValidationException("currency", $"'{Currency}' is not a currency the shop sells in.");
        }

        var amount = FormNumber.Money(Price, "price");
        if (amount <= 0 || amount > 100_000)
        {
            throw new DomainValidationException("price", "The price must be more than 0 and at most 100 000.");
        }

        var price = Money.FromDecimal(amount, currency, MidpointRounding.AwayFromZero);
        if (price.ToDecimal() != amount)
        {
            throw new DomainValidationException("price", string.Create(CultureInfo.InvariantCulture, $"{currency.Code} has {currency.MinorUnits} decimal places; {amount} has more."));
        }

        var hs = Core.HsCode.Normalise(string.IsNullOrWhiteSpace(HsCode) ? Core.HsCode.Default : HsCode);
        var netWeight = FormNumber.Optional(NetWeightGrams, "netWeightGrams");
        if (netWeight is { } weight && !ProductLimits.IsNetWeight(weight))
        {
            throw new DomainValidationException("netWeightGrams", "The net weight must be more than 0 and at most 50 000 g, or left empty to estimate it from the G-code.");
        }

        var leadTime = FormNumber.Whole(LeadTimeDays, "leadTimeDays");
        if (leadTime is < 1 or > 90)
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
            NetWeightGrams = netWeight,
            LeadTimeDays = leadTime,
        };
        if (string.IsNullOrWhiteSpace(PartX) && string.IsNullOrWhiteSpace(PartY) && string.IsNullOrWhiteSpace(PartZ))
        {
            return updated;
        }

        var sides = new[] { ("partX", PartX), ("partY", PartY), ("partZ", PartZ) }
            .Select(side => FormNumber.Optional(side.Item2, side.Item1) is { } mm
                ? ProductLimits.RequireSide(mm, side.Item1)
                : throw new DomainValidationException(side.Item1, "Each side of the part must be more than 0 and at most 1000 mm."))
            .ToArray();
        return updated with { PartX = sides[0], PartY = sides[1], PartZ = sides[2] };
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
