namespace MakerShop.Bench.SerialLink;

/// <summary>
/// The first N commands of the model's printing moves (skipping the heat-up and homing preamble, which would measure
/// the heater model instead of the wire), written to a temporary file so the link streams it from disk as in a job.
/// </summary>
internal static class ProgramSlice
{
    public static async Task<(string Path, int Commands)> WriteAsync(string source, int lines)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"makershop-linkbench-{Guid.NewGuid():N}.gcode");
        var taken = 0;
        var inMoves = false;
        await using var writer = new StreamWriter(path);
        foreach (var raw in File.ReadLines(source))
        {
            var line = raw.Split(';', 2)[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            // Start at the first extruding move after the preamble; blocking commands later on are skipped too.
            if (!inMoves)
            {
                inMoves = line.StartsWith("G1 ", StringComparison.Ordinal) && line.Contains(" E", StringComparison.Ordinal) && line.Contains('X', StringComparison.Ordinal);
                if (!inMoves)
                {
                    continue;
                }
            }

            if (line.StartsWith('M') || line.StartsWith("G28", StringComparison.Ordinal) || line.StartsWith("G4", StringComparison.Ordinal))
            {
                continue;
            }

            await writer.WriteLineAsync(line);
            if (++taken == lines)
            {
                break;
            }
        }

        return (path, taken);
    }
}
