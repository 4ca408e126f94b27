using MakerShop.Geometry;
using MakerShop.Geometry.Gcode;

namespace MakerShop.Bench.Fuzz;

/// <summary>The G-code analyser, as the slicer's output and uploaded G-code meet it. It documents no refusal.</summary>
internal sealed class GcodeTarget : IFuzzTarget
{
    private const int HeadBytes = 24_000;
    private const int TailBytes = 6_000;

    public string Name => "gcode";

    public IReadOnlyList<byte[]> Seeds(string corpusDirectory) =>
        [.. Directory.GetFiles(corpusDirectory, "*.gcode").Order(StringComparer.Ordinal).Select(f =>
        {
            // Head (start code, limits, first layers) and tail (the slicer's summary): where the analyser's branches are.
            var bytes = File.ReadAllBytes(f);
            return bytes.Length <= HeadBytes + TailBytes ? bytes : [.. bytes[..HeadBytes], (byte)'\n', .. bytes[^TailBytes..]];
        })];

    public void Run(byte[] input)
    {
        using var stream = new MemoryStream(input, writable: false);
        var analysis = GcodeAnalyzer.Analyze(stream);
        if (analysis.EstimatedPrintTime < TimeSpan.Zero || double.IsNaN(analysis.FilamentMm))
        {
            throw new InvalidOperationException($"Impossible figures: {analysis.EstimatedPrintTime}, {analysis.FilamentMm} mm.");
        }
    }

    public bool IsRefusal(Exception exception) => exception is ModelFormatException;
}
