using System.Globalization;
using System.Numerics;

namespace MakerShop.Geometry.ThreeMf;

/// <summary>A 3MF affine transform: twelve numbers, row vectors (x' = x·m00 + y·m10 + z·m20 + m30).</summary>
internal readonly record struct Transform3(Matrix4x4 Matrix)
{
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

        return new Transform3(new Matrix4x4(
            m[0], m[1], m[2], 0,
            m[3], m[4], m[5], 0,
            m[6], m[7], m[8], 0,
            m[9], m[10], m[11], 1));
    }

    /// <summary>This transform applied first, then <paramref name="outer"/>.</summary>
    public Transform3 Then(Transform3 outer) => new(Matrix * outer.Matrix);

    public Vector3 Apply(Vector3 v) => Vector3.Transform(v, Matrix);
}
