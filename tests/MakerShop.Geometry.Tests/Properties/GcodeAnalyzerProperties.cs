using System.Text;
using CsCheck;
using MakerShop.Geometry.Gcode;
using MakerShop.Geometry.Tests.Support;

namespace MakerShop.Geometry.Tests.Properties;

/// <summary>
/// The G-code analyser reads any text to the end without throwing (it has no refusal: what it cannot read it skips),
/// in time bounded by the input's size, and its figures stay finite and non-negative.
/// </summary>
public sealed class GcodeAnalyzerProperties
{
    private static readonly string[] Tokens =
    [
        "G1 ", "G0 ", "G2 ", "G3 ", "G28", "G90", "G91", "G92 E0", "M82", "M83", "G20", "G21", "M201 X", "M203 X", "M204 S", "M205 X",
        "X", "Y", "Z", "E", "F", "I", "J", "R", "0", "-0", "1e308", "-1e308", "1e999", "NaN", "Infinity", "9999999999", "0.0000001",
        ";LAYER:", ";Z:", "; estimated printing time (normal mode) = 99999d 1h", "; filament used [g] = -5", "; filament_diameter = 0",
        "\n", "\r", "\0", " ", ";", "(", "*", "N-1 ",
    ];

    [Fact]
    public void Arbitrary_bytes_are_analysed_in_bounded_time() =>
        Gen.Byte.Array[0, 4096].Sample(AnalysesFinitely, iter: 200, threads: 1);

    [Fact]
    public void Arbitrary_moves_arcs_and_limits_are_analysed_in_bounded_time()
    {
        var word = Gen.Select(Gen.OneOf("G0", "G1", "G2", "G3", "G92", "M201", "M203", "M204", "M205", "G91", "G90", "M83"),
            Gen.OneOf('X', 'Y', 'Z', 'E', 'F', 'I', 'J', 'R', 'S'),
            Gen.OneOf(Gen.Double[-1e6, 1e6], Gen.Double, Gen.Const(0.0), Gen.Const(1e-9)),
            Gen.OneOf('X', 'Y', 'E', 'F', 'R'),
            Gen.OneOf(Gen.Double[-500, 500], Gen.Double),
            (g, a, x, b, y) => FormattableString.Invariant($"{g} {a}{x:R} {b}{y:R}"));
        word.Array[1, 60]
            .Select(lines => Encoding.ASCII.GetBytes(string.Join('\n', lines)))
            .Sample(AnalysesFinitely, iter: 150, threads: 1);
    }

    [Theory]
    [InlineData("gcodepreview_benchy_prusaslicer261.gcode")]
    [InlineData("gcodepreview_benchy_arcs_slic3rpe1333_arcwelder.gcode")]
    [InlineData("gcodepreview_puzzle_cura231.gcode")]
    public void A_mutated_slicer_file_from_the_corpus_is_analysed_in_bounded_time(string file)
    {
        // The head (start G-code, limits, first layers) and the tail (the slicer's summary comments) carry the meaning.
        var text = File.ReadAllText(Corpus.File(file));
        var seed = text[..Math.Min(text.Length, 24_000)] + "\n" + text[Math.Max(0, text.Length - 8_000)..];
        Mutations.OfText(seed, Tokens).Sample(AnalysesFinitely, iter: 40, threads: 1);
        Mutations.Of(Encoding.UTF8.GetBytes(seed)).Sample(AnalysesFinitely, iter: 25, threads: 1);
    }

    internal static void AnalysesFinitely(byte[] input)
    {
        var analysis = Bounded.Run<GcodeAnalysis, ModelFormatException>(input, bytes => GcodeAnalyzer.Analyze(new MemoryStream(bytes)));
        if (analysis is null)
        {
            return;
        }

        Assert.True(double.IsFinite(analysis.EstimatedPrintTime.TotalSeconds) && analysis.EstimatedPrintTime >= TimeSpan.Zero, $"print time {analysis.EstimatedPrintTime}");
        Assert.True(analysis.Layers >= 0, $"layers {analysis.Layers}");
        Assert.False(double.IsNaN(analysis.FilamentMm), "filament length is NaN");
    }
}
