namespace MakerShop.Core;

/// <summary>
/// What a parcel the owner weighed and measured may be: a box weighs at least the parts packed in it (gross is never
/// less than net), and weights and sides stay within what any carrier the shop uses takes.
/// </summary>
public static class ParcelLimits
{
    public const double MaxGrams = 31_500;

    public const double MaxSideMm = 1_500;

    /// <summary>The parcel as given, or a validation error naming the field (<c>parcels[0].weightGrams</c>).</summary>
    public static Parcel Check(Parcel parcel, int index)
    {
        ArgumentNullException.ThrowIfNull(parcel);
        var net = parcel.Items.Sum(i => i.NetWeightGrams);
        if (!double.IsFinite(parcel.WeightGrams) || parcel.WeightGrams <= 0 || parcel.WeightGrams > MaxGrams)
        {
            throw new DomainValidationException($"parcels[{index}].weightGrams", $"A parcel weighs more than 0 and at most {MaxGrams:0} g.");
        }

        if (parcel.WeightGrams < net)
        {
            throw new DomainValidationException($"parcels[{index}].weightGrams", $"A parcel cannot weigh less than the parts packed in it ({Math.Ceiling(net):0} g).");
        }

        foreach (var (side, value) in new[] { ("lengthMm", parcel.Dimensions.X), ("widthMm", parcel.Dimensions.Y), ("heightMm", parcel.Dimensions.Z) })
        {
            if (!double.IsFinite(value) || value < 1 || value > MaxSideMm)
            {
                throw new DomainValidationException($"parcels[{index}].{side}", $"A side measures at least 1 mm and at most {MaxSideMm:0} mm.");
            }
        }

        return parcel;
    }
}
