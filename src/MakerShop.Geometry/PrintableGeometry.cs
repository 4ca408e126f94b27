using System.Globalization;

namespace MakerShop.Geometry;

/// <summary>
/// What a read model must measure before anything costly (a slicer run) is spent on it: a real size on every axis,
/// within what a printer could ever make, and a surface that encloses something. The reader measures any mesh; this
/// says whether it is a part. Each refusal names what was measured, in millimetres.
/// </summary>
public static class PrintableGeometry
{
    /// <summary>A closed mesh enclosing less than this (mm³) is a flattened shell, not a solid.</summary>
    public const double MinClosedVolumeMm3 = 1e-3;

    /// <exception cref="ModelFormatException">The model is degenerate or out of range.</exception>
    public static void Require(ModelReport report, ModelReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        limits ??= ModelReadLimits.Default;
        var metrics = report.Metrics;
        var bounds = metrics.Bounds;
        if (metrics.Triangles == 0 || bounds.IsEmpty)
        {
            throw new ModelFormatException(ModelProblem.Empty, "The model has no triangles: nothing to print.");
        }

        var size = bounds.Size;
        double x = size.X, y = size.Y, z = size.Z;
        if (!double.IsFinite(x + y + z) || !float.IsFinite(bounds.Min.X + bounds.Min.Y + bounds.Min.Z))
        {
            throw new ModelFormatException(ModelProblem.OutOfRange, "The model's coordinates are beyond any number a printer can use.");
        }

        var largest = Math.Max(x, Math.Max(y, z));
        var smallest = Math.Min(x, Math.Min(y, z));
        if (largest > limits.MaxPartSizeMm)
        {
            throw new ModelFormatException(ModelProblem.OutOfRange,
                $"The part measures {Mm(x)} × {Mm(y)} × {Mm(z)} mm: more than {Mm(limits.MaxPartSizeMm / 1000)} m along one side, which no printer can make. Check the model's units (millimetres are expected).");
        }

        if (metrics.SurfaceArea <= 0 || metrics.Health.DegenerateTriangles == metrics.Triangles)
        {
            throw new ModelFormatException(ModelProblem.DegenerateGeometry,
                "Every triangle of the model is collapsed to a line or a point, so it has no surface to print.");
        }

        if (smallest < limits.MinPartSizeMm)
        {
            var axis = smallest == x ? "X" : smallest == y ? "Y" : "Z";
            throw new ModelFormatException(ModelProblem.DegenerateGeometry,
                $"The part measures {Mm(x)} × {Mm(y)} × {Mm(z)} mm: along {axis} it is thinner than {Mm(limits.MinPartSizeMm)} mm, too thin to print. Check the model's units or give it some thickness.");
        }

        if (metrics.Health.IsClosed && Math.Abs(metrics.Volume) < MinClosedVolumeMm3)
        {
            throw new ModelFormatException(ModelProblem.DegenerateGeometry,
                "The model's surface is closed but encloses no volume (it is flat), so there is nothing to print.");
        }
    }

    private static string Mm(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
