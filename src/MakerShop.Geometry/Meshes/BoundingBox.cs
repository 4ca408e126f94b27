using System.Globalization;
using System.Numerics;

namespace MakerShop.Geometry.Meshes;

/// <summary>An axis-aligned box in millimetres.</summary>
public readonly record struct BoundingBox(Vector3 Min, Vector3 Max)
{
    public static BoundingBox Empty { get; } = new(new Vector3(float.PositiveInfinity), new Vector3(float.NegativeInfinity));

    public bool IsEmpty => Min.X > Max.X;

    public Vector3 Size => IsEmpty ? Vector3.Zero : Max - Min;

    public BoundingBox Include(Vector3 point) => new(Vector3.Min(Min, point), Vector3.Max(Max, point));

    public override string ToString() => IsEmpty
        ? "empty"
        : string.Create(CultureInfo.InvariantCulture, $"X[{Min.X:0.######},{Max.X:0.######}] Y[{Min.Y:0.######},{Max.Y:0.######}] Z[{Min.Z:0.######},{Max.Z:0.######}]");
}
