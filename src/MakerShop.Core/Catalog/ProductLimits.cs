namespace MakerShop.Core;

/// <summary>
/// Physical bounds of what the shop sells: a printed part weighs more than nothing and at most 50 kg, and each of its
/// sides is more than 0 and at most 1 m. A weight of 1e308 g (or NaN, or infinity) would wreck parcel weights, rates and
/// customs forms, so it is refused where it is typed.
/// </summary>
public static class ProductLimits
{
    public const double MaxNetWeightGrams = 50_000;
    public const double MaxSideMm = 1_000;

    public static bool IsNetWeight(double grams) => double.IsFinite(grams) && grams > 0 && grams <= MaxNetWeightGrams;

    public static bool IsSide(double mm) => double.IsFinite(mm) && mm > 0 && mm <= MaxSideMm;

    public static double RequireNetWeight(double grams, string field) =>
        IsNetWeight(grams)
            ? grams
            : throw new DomainValidationException(field, "The net weight must be more than 0 and at most 50 000 g.");

    public static double RequireSide(double mm, string field) =>
        IsSide(mm)
            ? mm
            : throw new DomainValidationException(field, "Each side of the part must be more than 0 and at most 1000 mm.");
}
