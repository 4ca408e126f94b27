using System.Globalization;
using System.Numerics;

namespace MakerShop.Geometry.ThreeMf;

/// <summary>A 3MF affine transform: twelve numbers, row vectors (x' = x·m00 + y·m10 + z·m20 + m30).</summary>
internal readonly record struct Transform3(Matrix4x4 Matrix)
{
    /// <summary>A scale along one axis beyond this (either way) is no real placement: 10,000× or 1/10,000.</summary>
    internal const double MaxAxisScale = 1e4;

    /// <summary>A move further than this (1 km) is no real placement either, and costs float precision.</summary>
    internal const double MaxTranslationMm = 1e6;

    /// <summary>
    /// How flat the three axes may be squashed together: |det| over the product of the axis scales. 1 for a rotation,
    /// 0 when the axes fall onto one plane. Below this the part has (almost) no thickness in some direction.
    /// </summary>
    internal const double MinSkewRatio = 1e-4;

    public static Transform3 Identity { get; } = new(Matrix4x4.Identity);

    public static Transform3 Parse(string? text, string where)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Identity;
        }

        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 12)
        {
            throw new ModelFormatException(ModelProblem.Syntax, $"{where}: a transform needs 12 numbers, it has {parts.Length}.");
        }

        var m = new float[12];
        for (var i = 0; i < 12; i++)
        {
            if (!float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out m[i]) || !float.IsFinite(m[i]))
            {
                throw new ModelFormatException(ModelProblem.InvalidNumber, $"{where}: '{parts[i]}' in the transform is not a finite number.");
            }
        }

        RequirePlacement(m, where);
        return new Transform3(new Matrix4x4(
            m[0], m[1], m[2], 0,
            m[3], m[4], m[5], 0,
            m[6], m[7], m[8], 0,
            m[9], m[10], m[11], 1));
    }

    /// <summary>This transform applied first, then <paramref name="outer"/>.</summary>
    public Transform3 Then(Transform3 outer) => new(Matrix * outer.Matrix);

    public Vector3 Apply(Vector3 v) => Vector3.Transform(v, Matrix);

    /// <summary>
    /// A transform must place the part, not destroy it: one that squashes it onto a plane, a line or a point (all
    /// zeros is the classic) leaves nothing to print but still costs the slicer its whole run, and a huge scale or move
    /// puts it beyond any printer. Computed in double so that a determinant of tiny floats does not underflow to 0.
    /// </summary>
    private static void RequirePlacement(float[] m, string where)
    {
        var x = new Vector3D(m[0], m[1], m[2]);
        var y = new Vector3D(m[3], m[4], m[5]);
        var z = new Vector3D(m[6], m[7], m[8]);
        var (sx, sy, sz) = (x.Length, y.Length, z.Length);
        var smallest = Math.Min(sx, Math.Min(sy, sz));
        var largest = Math.Max(sx, Math.Max(sy, sz));
        if (smallest < 1 / MaxAxisScale)
        {
            throw new ModelFormatException(ModelProblem.DegenerateTransform,
                $"{where} is placed with a transform that shrinks the part to nothing along one axis (its matrix is singular), so there would be nothing to print. Export the model again at its real size.");
        }

        if (largest > MaxAxisScale)
        {
            throw new ModelFormatException(ModelProblem.DegenerateTransform,
                $"{where} is placed with a transform that scales the part {largest:0.#}×, far beyond any printer. Export the model again at its real size.");
        }

        var determinant = x.Dot(y.Cross(z));
        if (Math.Abs(determinant) < MinSkewRatio * sx * sy * sz)
        {
            throw new ModelFormatException(ModelProblem.DegenerateTransform,
                $"{where} is placed with a transform that flattens the part onto a plane or a line (its determinant is {determinant:G3}), so there would be nothing to print. Export the model again at its real size.");
        }

        if (Math.Abs(m[9]) > MaxTranslationMm || Math.Abs(m[10]) > MaxTranslationMm || Math.Abs(m[11]) > MaxTranslationMm)
        {
            throw new ModelFormatException(ModelProblem.OutOfRange,
                $"{where} is moved more than a kilometre from the origin ({m[9]:G4}, {m[10]:G4}, {m[11]:G4}); no printer reaches there.");
        }
    }

    private readonly record struct Vector3D(double X, double Y, double Z)
    {
        public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);

        public double Dot(Vector3D o) => X * o.X + Y * o.Y + Z * o.Z;

        public Vector3D Cross(Vector3D o) => new(Y * o.Z - Z * o.Y, Z * o.X - X * o.Z, X * o.Y - Y * o.X);
    }
}
