using System.Globalization;

namespace MakerShop.Geometry.Gcode;

/// <summary>
/// The small grammars slicers write their figures in: "1d 2h 3m 4s" (PrusaSlicer and its forks, BambuStudio),
/// "1 hour 2 minutes" (Simplify3D), "3.93 minutes" (KISSlicer), and per-extruder lists joined by commas, semicolons or
/// bars. Anything else, including unfilled templates such as "#P_TIME#", reads as nothing.
/// </summary>
internal static class SlicerText
{
    /// <summary>"1d 2h 3m 4s", any part optional.</summary>
    public static TimeSpan? CompactDuration(ReadOnlySpan<char> text)
    {
        double total = 0;
        var any = false;
        foreach (var range in text.Split(' '))
        {
            var part = text[range].Trim();
            if (part.Length < 2)
            {
                continue;
            }

            var unit = part[^1] switch { 'd' => 86400, 'h' => 3600, 'm' => 60, 's' => 1, _ => 0 };
            if (unit == 0 || !double.TryParse(part[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            total += value * unit;
            any = true;
        }

        return Positive(any, total);
    }

    /// <summary>"1 hour 2 minutes", "0 hours 34 minutes", "3.93 minutes": numbers each followed by a unit word.</summary>
    public static TimeSpan? WordDuration(ReadOnlySpan<char> text)
    {
        double total = 0;
        var any = false;
        double? pending = null;
        foreach (var range in text.Split(' '))
        {
            var word = text[range].Trim();
            if (word.IsEmpty)
            {
                continue;
            }

            if (pending is null)
            {
                if (!double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    return null;
                }

                pending = value;
                continue;
            }

            var unit = UnitSeconds(word);
            if (unit == 0)
            {
                return null;
            }

            total += pending.Value * unit;
            pending = null;
            any = true;
        }

        return pending is null ? Positive(any, total) : null;
    }

    /// <summary>The sum of a per-extruder list ("3876.08,2356.72", "1.2m, 0.5m" with <paramref name="suffix"/> "m").</summary>
    public static double? Sum(ReadOnlySpan<char> text, string suffix = "")
    {
        double total = 0;
        var any = false;
        foreach (var range in text.SplitAny(",;|"))
        {
            var item = text[range].Trim();
            if (item.IsEmpty)
            {
                continue;
            }

            if (suffix.Length > 0)
            {
                if (!item.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return null;
                }

                item = item[..^suffix.Length];
            }

            if (Number(item) is not { } value)
            {
                return null;
            }

            total += value;
            any = true;
        }

        return any && total > 0 ? total : null;
    }

    /// <summary>The first item of a per-extruder list: the diameter or density of the first filament.</summary>
    public static double? First(ReadOnlySpan<char> text)
    {
        var i = text.IndexOfAny(",;|");
        return Number(i < 0 ? text : text[..i]) is > 0 and var value ? value : null;
    }

    /// <summary>The number a value starts with: "53.49 mm  (0.378 cm^3)" is 53.49.</summary>
    public static double? Leading(ReadOnlySpan<char> text)
    {
        text = text.TrimStart();
        var end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or '-' or '+' or 'e' or 'E'))
        {
            end++;
        }

        return Number(text[..end]);
    }

    public static ReadOnlySpan<char> After(ReadOnlySpan<char> text, char separator)
    {
        var i = text.IndexOf(separator);
        return i < 0 ? [] : text[(i + 1)..].Trim();
    }

    public static double? Number(ReadOnlySpan<char> text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    private static int UnitSeconds(ReadOnlySpan<char> word) => word.ToString().ToLowerInvariant() switch
    {
        "day" or "days" => 86400,
        "hour" or "hours" or "hr" or "hrs" => 3600,
        "minute" or "minutes" or "min" or "mins" => 60,
        "second" or "seconds" or "sec" or "secs" => 1,
        _ => 0,
    };

    // A slicer that writes 0 (Cura's ";TIME:0" for an empty plate) has estimated nothing.
    private static TimeSpan? Positive(bool any, double seconds) =>
        any && seconds > 0 && seconds < GcodeAnalyzer.MaxPrintSeconds ? TimeSpan.FromSeconds(seconds) : null;
}
