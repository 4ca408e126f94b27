using System.Globalization;

namespace MakerShop.Core.Quotes;

/// <summary>The checks a quote reports: mesh defects a slicer has to guess around, thin walls, and size against the fleet.</summary>
public static class QuoteWarnings
{
    public static IReadOnlyList<QuoteWarning> For(ModelFacts model, bool fitsAnyPrinter, double thinBelowMm)
    {
        ArgumentNullException.ThrowIfNull(model);
        var warnings = new List<QuoteWarning>();
        if (model.OpenEdges > 0)
        {
            warnings.Add(new("open-mesh", Invariant($"The mesh is not closed ({model.OpenEdges} open edges); the slicer has to guess where the holes are, so check the part in the preview.")));
        }

        if (model.NonManifoldEdges > 0)
        {
            warnings.Add(new("non-manifold", Invariant($"{model.NonManifoldEdges} edges are shared by more than two triangles.")));
        }

        if (model.InconsistentEdges > 0)
        {
            warnings.Add(new("inconsistent-orientation", Invariant($"Some triangles face the wrong way ({model.InconsistentEdges} edges disagree about the outside).")));
        }

        if (model.VolumeMm3 < 0)
        {
            warnings.Add(new("inverted-normals", "The mesh is inside out (its normals point inwards); it was sliced as if they pointed out."));
        }

        if (model.DegenerateTriangles > 0)
        {
            warnings.Add(new("degenerate-triangles", Invariant($"{model.DegenerateTriangles} triangles have no area and were ignored.")));
        }

        var thinnest = Math.Min(model.Size.X, Math.Min(model.Size.Y, model.Size.Z));
        if (thinnest < thinBelowMm)
        {
            warnings.Add(new("thin-part", Invariant($"The part is only {thinnest:0.##} mm thick at its thinnest; below {thinBelowMm:0.##} mm it may not print or may break.")));
        }

        if (!fitsAnyPrinter)
        {
            warnings.Add(new("too-large", Invariant($"At {model.Size} the part is larger than every printer's build volume; it cannot be ordered as one piece.")));
        }

        return warnings;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
