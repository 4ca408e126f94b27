using System.Text;
using MakerShop.Geometry.Gcode;
using MakerShop.Geometry.Tests.Support;

namespace MakerShop.Geometry.Tests;

public sealed class GcodeAnalyzerTests
{
    public static TheoryData<string> CorpusGcode() =>
        [.. Corpus.Manifest().Where(r => r["kind"] == "G-code").Select(r => r["file"])];

    [Theory]
    [MemberData(nameof(CorpusGcode))]
    public void The_print_time_estimate_is_within_ten_percent_of_the_slicers_own_wherever_it_wrote_one(string file)
    {
        var analysis = GcodeAnalyzer.Analyze(Corpus.File(file));

        Assert.True(analysis.EstimatedPrintTime > TimeSpan.Zero);
        Assert.True(analysis.Layers > 0);
        if (analysis.Slicer.PrintTime is { } slicer)
        {
            var ratio = analysis.EstimatedPrintTime / slicer;
            Assert.True(ratio is > 0.9 and < 1.1, $"{file}: ours {analysis.EstimatedPrintTime}, the slicer's {slicer} (ratio {ratio:F3})");
        }
        else
        {
            // The manifest says which files carry no usable estimate; make sure we did not invent one.
            Assert.Contains(Corpus.Row(file)["est_print_time_comments"], new[] { "", "none found", ";Print time: #P_TIME#" });
        }
    }

    [Theory]
    [MemberData(nameof(CorpusGcode))]
    public void Extruded_filament_matches_the_slicers_figure_where_it_wrote_one(string file)
    {
        var analysis = GcodeAnalyzer.Analyze(Corpus.File(file));

        Assert.True(analysis.FilamentMm > 0);
        if (analysis.Slicer.FilamentMm is { } mm)
        {
            Assert.True(Math.Abs(analysis.FilamentMm - mm) <= mm * 0.01, $"{file}: ours {analysis.FilamentMm:F1} mm, the slicer's {mm} mm");
        }

        if (analysis.Slicer.FilamentGrams is { } grams)
        {
            Assert.True(Math.Abs(analysis.FilamentGrams - grams) <= grams * 0.02, $"{file}: ours {analysis.FilamentGrams:F2} g, the slicer's {grams} g");
        }
    }

    [Fact]
    public void Layers_are_counted_as_cura_counts_them()
    {
        var analysis = GcodeAnalyzer.Analyze(Corpus.File("gcodepreview_puzzle_cura231.gcode"));

        Assert.Equal(119, analysis.Layers); // the file's own ;LAYER_COUNT:119
        Assert.Equal(0.2f, analysis.ExtrusionBounds.Min.Z, 3);
    }

    [Fact]
    public void A_long_straight_move_takes_its_length_over_its_speed_plus_the_ramps()
    {
        // 100 mm at 50 mm/s with 1000 mm/s²: 0.05 s to reach speed (1.25 mm), the same to stop: 2 s + 0.05 s.
        var gcode = "M204 P1000 T1000\nG1 X0 Y0 F3000\nG1 X100 E5 F3000\n";

        var analysis = GcodeAnalyzer.Analyze(new MemoryStream(Encoding.ASCII.GetBytes(gcode)));

        Assert.Equal(2.05, analysis.EstimatedPrintTime.TotalSeconds, 3);
        Assert.Equal(5, analysis.FilamentMm, 6);
        Assert.Equal(1, analysis.Layers);
    }

    [Fact]
    public void Retractions_and_their_primes_are_not_counted_as_used_filament()
    {
        var gcode = "M83\nG1 X10 E2 F1200\nG1 E-0.8 F2400\nG1 X20 F6000\nG1 E0.8 F2400\nG1 X30 E2 F1200\n";

        var analysis = GcodeAnalyzer.Analyze(new MemoryStream(Encoding.ASCII.GetBytes(gcode)));

        Assert.Equal(4, analysis.FilamentMm, 6);
    }

    [Fact]
    public void An_arc_is_timed_along_its_length_not_its_chord()
    {
        // A half circle of radius 10 (31.4 mm) at 10 mm/s: about 3.14 s; the chord alone would be 2 s.
        var gcode = "M204 P100000 T100000\nG1 X0 Y0 F600\nG2 X20 Y0 I10 J0 E1 F600\n";

        var seconds = GcodeAnalyzer.Analyze(new MemoryStream(Encoding.ASCII.GetBytes(gcode))).EstimatedPrintTime.TotalSeconds;

        Assert.InRange(seconds, 3.1, 3.2);
    }
}
