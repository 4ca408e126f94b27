namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>
/// The prepared lines of one job. Held in memory: a large print is a few megabytes, and knowing the line count
/// up front gives progress and ETA. Streaming from disk can replace this without changing the link.
/// </summary>
public sealed class GcodeProgram
{
    private GcodeProgram(IReadOnlyList<string> lines) => Lines = lines;

    public IReadOnlyList<string> Lines { get; }

    public static GcodeProgram FromLines(IEnumerable<string> rawLines) =>
        new(rawLines.Select(GcodeLinePreparer.Prepare).OfType<string>().ToArray());

    public static async Task<GcodeProgram> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var lines = new List<string>();
        using var reader = new StreamReader(path);
        while (await reader.ReadLineAsync(cancellationToken) is { } raw)
        {
            if (GcodeLinePreparer.Prepare(raw) is { } line)
            {
                lines.Add(line);
            }
        }

        return new GcodeProgram(lines);
    }
}
