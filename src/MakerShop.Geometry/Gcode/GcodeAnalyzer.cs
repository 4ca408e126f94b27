using System.Text;

namespace MakerShop.Geometry.Gcode;

/// <summary>
/// Streams a G-code file once: follows positioning modes (G90/G91, M82/M83, G92, G20/G21), reads the machine limits
/// the file sets (M201/M203/M204/M205), counts layers and extruded filament, and feeds every move to a trapezoidal
/// planner for the print time. Heating waits are not counted, as slicers do not count them either.
/// </summary>
public static class GcodeAnalyzer
{
    internal const double ArcSegmentMm = 1.0;

    public static GcodeAnalysis Analyze(string path, MachineLimits? limits = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return Analyze(stream, limits);
    }

    public static GcodeAnalysis Analyze(Stream stream, MachineLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var state = new GcodeMachineState(limits ?? MachineLimits.Default);
        var comments = new SlicerCommentParser();
        long lines = 0;
        while (reader.ReadLine() is { } line)
        {
            lines++;
            var text = line.AsSpan();
            var semicolon = text.IndexOf(';');
            if (semicolon >= 0)
            {
                comments.Accept(text[(semicolon + 1)..]);
                text = text[..semicolon];
            }

            text = text.Trim();
            if (!text.IsEmpty)
            {
                state.Execute(text, lines);
            }
        }

        state.Planner.Flush();
        var diameter = comments.FilamentDiameter ?? state.Limits.FilamentDiameter;
        var density = comments.FilamentDensity ?? state.Limits.FilamentDensity;
        var grams = state.FilamentMm * Math.PI * diameter * diameter / 4 / 1000 * density;
        return new GcodeAnalysis(
            lines,
            state.Moves,
            state.Layers,
            state.FilamentMm,
            grams,
            state.Bounds,
            TimeSpan.FromSeconds(state.Planner.Seconds),
            comments.Result);
    }
}
