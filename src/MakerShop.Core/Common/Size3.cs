using System.Globalization;

namespace MakerShop.Core;

/// <summary>A box in millimetres: a part's bounding box or a printer's build volume.</summary>
public readonly record struct Size3(double X, double Y, double Z)
{
    // The init accessors guard `with` expressions too, not only construction.
    public double X { get; init => field = Check(value, "x"); } = Check(X, "x");

    public double Y { get; init => field = Check(value, "y"); } = Check(Y, "y");

    public double Z { get; init => field = Check(value, "z"); } = Check(Z, "z");

    /// <summary>True when every side is greater than zero (a default Size3 is not).</summary>
    public bool IsPositive => X > 0 && Y > 0 && Z > 0;

    /// <summary>
    /// Whether this part fits in <paramref name="volume"/>, allowing a 90° turn about Z: slicers rotate on
    /// the bed freely, but never tip a part over because that changes supports and print time.
    /// </summary>
    public bool FitsWithin(Size3 volume) =>
        Z <= volume.Z
        && ((X <= volume.X && Y <= volume.Y) || (Y <= volume.X && X <= volume.Y));

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{X:0.##}×{Y:0.##}×{Z:0.##} mm");

    private static double Check(double value, string field)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new DomainValidationException(field, $"A size must be a finite, non-negative number of millimetres (got {value.ToString(CultureInfo.InvariantCulture)}).");
        }

        return value;
    }
}
