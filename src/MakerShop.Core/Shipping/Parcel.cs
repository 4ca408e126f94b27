namespace MakerShop.Core;

/// <summary>One box: its gross weight in grams (parts plus packaging) and outside dimensions in millimetres.</summary>
public sealed record Parcel(int Number, double WeightGrams, Size3 Dimensions, IReadOnlyList<ParcelItem> Items)
{
    /// <summary>The weight carriers bill for: the greater of the real and the volumetric weight.</summary>
    public double ChargeableWeightGrams(int volumetricDivisor) =>
        Math.Max(WeightGrams, VolumetricWeight.Grams(Dimensions, volumetricDivisor));
}

/// <summary>Units of one order line packed in a parcel, with their net (printed) weight.</summary>
public sealed record ParcelItem(int LineIndex, int Quantity, double NetWeightGrams);
