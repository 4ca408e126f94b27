using System.Globalization;

namespace MakerShop.Slicing;

/// <summary>Reads what a PrusaSlicer printer profile says about the machine: bed_shape, max_print_height, nozzle_diameter.</summary>
internal static class PrinterProfileFile
{
    public static PrinterModelProfile Read(string path)
    {
        string? bed = null, height = null, nozzle = null;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith('#') || eq <= 0)
            {
                continue;
            }

            var key = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim();
            switch (key)
            {
                case "bed_shape": bed = value; break;
                case "max_print_height": height = value; break;
                case "nozzle_diameter": nozzle = value.Split(',')[0]; break;
            }
        }

        if (bed is null || height is null || nozzle is null)
        {
            throw new SlicingException($"The printer profile {path} must set bed_shape, max_print_height and nozzle_diameter.");
        }

        // bed_shape is the bed's outline, "0x0,250x0,250x210,0x210": its extent is the build area.
        var corners = bed.Split(',').Select(p => p.Split('x')).ToList();
        if (corners.Count < 3 || corners.Any(c => c.Length != 2))
        {
            throw new SlicingException($"The printer profile {path} has a bed_shape PrusaSlicer would not read: {bed}.");
        }

        var xs = corners.Select(c => Number(c[0], path)).ToList();
        var ys = corners.Select(c => Number(c[1], path)).ToList();
        return new PrinterModelProfile(
            Path.GetFileNameWithoutExtension(path), path, Positive(xs.Max() - xs.Min(), path), Positive(ys.Max() - ys.Min(), path),
            Positive(Number(height, path), path), Positive(Number(nozzle, path), path));
    }

    private static double Number(string text, string path) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new SlicingException($"The printer profile {path} has '{text}' where a number belongs.");

    private static double Positive(double value, string path) =>
        value > 0 ? value : throw new SlicingException($"The printer profile {path} describes a machine with a side or nozzle of {value.ToString(CultureInfo.InvariantCulture)} mm.");
}
