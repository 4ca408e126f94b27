using System.Text;

namespace MakerShop.Geometry.Gcode;

/// <summary>
/// Streams a G-code file once: follows positioning modes (G90/G91, M82/M83, G92, G20/G21), reads the machine limits
/// the file sets (M201/M203/M204/M205), counts layers and extruded filament, and feeds every move to a trapezoidal
/// planner for the print time. Heating waits are not counted, as slicers do not count them either. Any text is read to
/// the end; only figures no printer could produce are refused, with a <see cref="ModelFormatException"/>, and Prusa's
/// binary G-code, which is no text at all, is named as such (<see cref="BinaryGcode"/>).
/// </summary>
public static class GcodeAnalyzer
{
    internal const double ArcSegmentMm = 1.0;

    /// <summary>About 31 years: beyond it an estimate is no print time, only a sign of hostile numbers.</summary>
    internal const double MaxPrintSeconds = 1e9;

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
            if (lines == 0 && BinaryGcode.IsMagicLine(line))
            {
                throw new ModelFormatException(ModelProblem.BinaryGcode, BinaryGcode.PlainGcodeOnly);
            }

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

        // Real coordinates, feed rates and accelerations never add up to centuries; hostile ones (an acceleration of
        // 1e-9, a move of a kilometre) do, and TimeSpan would overflow on them (found by the property tests).
        if (!double.IsFinite(state.Planner.Seconds) || state.Planner.Seconds > MaxPrintSeconds)
        {
            throw new ModelFormatException(ModelProblem.OutOfRange,
                "The G-code's moves, feed rates and accelerations add up to no print time a printer could run (not a number, or more than 30 years); the file is not real G-code for a printer.");
        }

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
