using MakerShop.FirmwareBridge.Gcode.Sources;

namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>
/// A short program held in memory: the handshake, a cool-down, a test. Print jobs are streamed from their file with
/// <see cref="GcodeLink.RunFileAsync"/> instead, so their size never matters.
/// </summary>
public sealed class GcodeProgram
{
    private GcodeProgram(IReadOnlyList<string> lines) => Lines = lines;

    public IReadOnlyList<string> Lines { get; }

    public static GcodeProgram FromLines(IEnumerable<string> rawLines) =>
        new(rawLines.Select(GcodeLinePreparer.Prepare).OfType<string>().ToArray());

    internal IGcodeSource OpenSource() => new InMemoryGcodeSource(Lines);
}
