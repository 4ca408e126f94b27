using System.Globalization;
using System.Runtime.InteropServices;

namespace MakerShop.Web.Storefront.Catalog;

/// <summary>
/// Turns a product's G-code into what its 3D preview draws: the extruding moves as line segments (x, y, z pairs of
/// float32, little-endian). Temperatures, speeds and extrusion amounts stay on the server, so the preview shows the
/// part without handing out a printable file. Long files are thinned to a fixed segment budget.
/// </summary>
public static class ToolpathPreview
{
    public const int MaxSegments = 200_000;

    public static async Task<float[]> ReadAsync(string gcodePath, CancellationToken cancellationToken)
    {
        var segments = new List<float>(capacity: 6 * 4096);
        var state = new State();
        using var reader = new StreamReader(gcodePath);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            Step(line.AsSpan(), state, segments);
        }

        return Thin(segments);
    }

    private static void Step(ReadOnlySpan<char> line, State state, List<float> segments)
    {
        var comment = line.IndexOf(';');
        if (comment >= 0)
        {
            line = line[..comment];
        }

        line = line.Trim();
        if (line.IsEmpty)
        {
            return;
        }

        var command = NextWord(ref line);
        switch (command)
        {
            case "G90":
                state.Absolute = true;
                return;
            case "G91":
                state.Absolute = false;
                return;
            case "M82":
                state.AbsoluteE = true;
                return;
            case "M83":
                state.AbsoluteE = false;
                return;
            case "G92":
                while (!line.IsEmpty)
                {
                    var word = NextWord(ref line);
                    if (word.Length > 1 && char.ToUpperInvariant(word[0]) == 'E' && TryNumber(word[1..], out var e))
                    {
                        state.E = e;
                    }
                }

                return;
            case "G0" or "G1" or "G00" or "G01":
                Move(line, state, segments);
                return;
            default:
                return;
        }
    }

    private static void Move(ReadOnlySpan<char> line, State state, List<float> segments)
    {
        double x = state.X, y = state.Y, z = state.Z;
        var extrudes = false;
        while (!line.IsEmpty)
        {
            var word = NextWord(ref line);
            if (word.Length < 2 || !TryNumber(word[1..], out var value))
            {
                continue;
            }

            switch (char.ToUpperInvariant(word[0]))
            {
                case 'X':
                    x = state.Absolute ? value : state.X + value;
                    break;
                case 'Y':
                    y = state.Absolute ? value : state.Y + value;
                    break;
                case 'Z':
                    z = state.Absolute ? value : state.Z + value;
                    break;
                case 'E':
                    var delta = state.AbsoluteE ? value - state.E : value;
                    state.E = state.AbsoluteE ? value : state.E + value;
                    extrudes = delta > 0;
                    break;
            }
        }

        if (extrudes && (x != state.X || y != state.Y))
        {
            segments.Add((float)state.X);
            segments.Add((float)state.Y);
            segments.Add((float)state.Z);
            segments.Add((float)x);
            segments.Add((float)y);
            segments.Add((float)z);
        }

        (state.X, state.Y, state.Z) = (x, y, z);
    }

    // Keeps every n-th segment: the preview is a picture of the part, not a simulation of the print.
    private static float[] Thin(List<float> segments)
    {
        var count = segments.Count / 6;
        if (count <= MaxSegments)
        {
            return [.. segments];
        }

        var stride = (double)count / MaxSegments;
        var kept = new float[MaxSegments * 6];
        var source = CollectionsMarshal.AsSpan(segments);
        for (var i = 0; i < MaxSegments; i++)
        {
            source.Slice((int)(i * stride) * 6, 6).CopyTo(kept.AsSpan(i * 6, 6));
        }

        return kept;
    }

    private static ReadOnlySpan<char> NextWord(ref ReadOnlySpan<char> line)
    {
        line = line.TrimStart();
        var end = line.IndexOfAny(' ', '\t');
        var word = end < 0 ? line : line[..end];
        line = end < 0 ? [] : line[end..];
        return word;
    }

    private static bool TryNumber(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private sealed class State
    {
        public bool Absolute { get; set; } = true;

        public bool AbsoluteE { get; set; } = true;

        public double X { get; set; }

        public double Y { get; set; }

        public double Z { get; set; }

        public double E { get; set; }
    }
}
