namespace MakerShop.Web.Shipping;

/// <summary>What the owner measured for one box: gross weight in grams, outside sides in millimetres.</summary>
public sealed record ParcelInput(double WeightGrams, double LengthMm, double WidthMm, double HeightMm);
