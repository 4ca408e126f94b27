using System.Globalization;
using System.Text.RegularExpressions;
using MakerShop.Geometry.Tests.Support;

namespace MakerShop.Geometry.Tests;

/// <summary>Every corpus STL and 3MF against what the MANIFEST records (admesh's figures, or PrusaSlicer's where admesh gave none).</summary>
public sealed partial class CorpusModelTests
{
    public static TheoryData<string> ReadableModels() => [.. ReadableFiles()];

    private static IEnumerable<string> ReadableFiles() =>
        Corpus.Manifest().Where(r => r["kind"] is "STL" or "3MF" && !r["notes"].Contains("MUST FAIL", StringComparison.Ordinal) && !r["triangles"].StartsWith('0')).Select(r => r["file"]);

    [Theory]
    [MemberData(nameof(ReadableModels))]
    public void Triangle_count_matches_the_manifest(string file)
    {
        var report = ModelReader.Read(Corpus.File(file));

        var expected = long.Parse(LeadingNumber().Match(Corpus.Row(file)["triangles"]).Value, CultureInfo.InvariantCulture);
        Assert.Equal(expected, report.Metrics.Triangles);
    }

    public static TheoryData<string> MeasuredModels() =>
        [.. ReadableFiles().Where(f => Corpus.Row(f)["volume_mm3_admesh"].Length > 0 || PrusaInfo().IsMatch(Corpus.Row(f)["notes"]))];

    [Theory]
    [MemberData(nameof(MeasuredModels))]
    public void Volume_and_bounding_box_agree_with_admesh_or_prusaslicer_within_a_tenth_of_a_percent(string file)
    {
        var row = Corpus.Row(file);
        var metrics = ModelReader.Read(Corpus.File(file)).Metrics;
        var size = metrics.Bounds.Size;

        if (row["volume_mm3_admesh"].Length > 0)
        {
            AssertClose(double.Parse(row["volume_mm3_admesh"], CultureInfo.InvariantCulture), metrics.Volume, $"{file} volume");
            var box = AdmeshBox().Match(row["bbox_mm_admesh"]);
            Assert.True(box.Success, $"no bbox for {file}");
            var min = metrics.Bounds.Min;
            var max = metrics.Bounds.Max;
            double[] expected = [.. box.Groups.Cast<Group>().Skip(1).Select(g => double.Parse(g.Value, CultureInfo.InvariantCulture))];
            double[] actual = [min.X, max.X, min.Y, max.Y, min.Z, max.Z];
            double[] extent = [size.X, size.X, size.Y, size.Y, size.Z, size.Z];
            for (var i = 0; i < 6; i++)
            {
                // 0.1 % of the part's extent on that axis: a bound at 0 has no relative error to speak of.
                Assert.True(Math.Abs(expected[i] - actual[i]) <= 0.001 * extent[i] + 1e-5, $"{file} bound {i}: expected {expected[i]}, got {actual[i]}");
            }
        }
        else
        {
            var info = PrusaInfo().Match(row["notes"]);
            Assert.True(info.Success, $"{file}: the manifest has neither admesh nor PrusaSlicer figures");
            AssertClose(double.Parse(info.Groups["volume"].Value, CultureInfo.InvariantCulture), metrics.Volume, $"{file} volume");
            AssertClose(double.Parse(info.Groups["x"].Value, CultureInfo.InvariantCulture), size.X, $"{file} size x");
            AssertClose(double.Parse(info.Groups["y"].Value, CultureInfo.InvariantCulture), size.Y, $"{file} size y");
            AssertClose(double.Parse(info.Groups["z"].Value, CultureInfo.InvariantCulture), size.Z, $"{file} size z");
        }
    }

    [Theory]
    [InlineData("numpystl_bwb.stl", 1)]
    [InlineData("octoprint_bp_case.stl", 2)]
    [InlineData("trimesh_two_objects_mixed_case_names.stl", 2)]
    public void Shells_are_counted_as_admesh_and_prusaslicer_count_parts(string file, int shells) =>
        Assert.Equal(shells, ModelReader.Read(Corpus.File(file)).Metrics.Shells);

    [Fact]
    public void A_closed_corpus_part_is_reported_closed_and_consistently_oriented()
    {
        var health = ModelReader.Read(Corpus.File("3dbenchy_gunwale.stl")).Metrics.Health;

        Assert.True(health.IsClosed);
        Assert.True(health.IsConsistentlyOriented);
        Assert.Equal(0, health.DegenerateTriangles);
    }

    [Fact]
    public void A_part_whose_zero_area_slivers_close_its_edges_is_closed_as_admesh_says()
    {
        // bp_case.stl has two facets with three distinct corners in a line; admesh: every edge shared, 2 parts.
        var metrics = ModelReader.Read(Corpus.File("octoprint_bp_case.stl")).Metrics;

        Assert.Equal(0, metrics.Health.OpenEdges);
        Assert.True(metrics.Health.IsClosed);
        Assert.Equal(2, metrics.Health.DegenerateTriangles);
        Assert.Equal(2, metrics.Shells);
    }

    [Fact]
    public void The_part_admesh_finds_open_has_the_same_open_edges_before_repair()
    {
        // admesh: 576 facets with one disconnected edge each, before its tolerance-based repair.
        var health = ModelReader.Read(Corpus.File("trimesh_featuretype.stl")).Metrics.Health;

        Assert.Equal(576, health.OpenEdges);
        Assert.False(health.IsClosed);
    }

    [Fact]
    public void A_3mf_without_a_build_element_is_refused_naming_the_missing_build()
    {
        var error = Assert.Throws<ModelFormatException>(() => ModelReader.Read(Corpus.File("3mfsamples_mustfail_missing_build_element.3mf")));

        Assert.Equal(ModelProblem.MissingBuild, error.Problem);
        Assert.Contains("<build>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_stl_with_no_triangles_is_refused_as_empty()
    {
        var error = Assert.Throws<ModelFormatException>(() => ModelReader.Read(Corpus.File("trimesh_stl_empty_bin.stl")));

        Assert.Equal(ModelProblem.Empty, error.Problem);
    }

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= Math.Abs(expected) * 0.001, $"{what}: expected {expected} within 0.1 %, got {actual}");

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"X\[(-?[\d.]+),(-?[\d.]+)\] Y\[(-?[\d.]+),(-?[\d.]+)\] Z\[(-?[\d.]+),(-?[\d.]+)\]")]
    private static partial Regex AdmeshBox();

    [GeneratedRegex(@"volume=(?<volume>[\d.]+) size=(?<x>[\d.]+)x(?<y>[\d.]+)x(?<z>[\d.]+)")]
    private static partial Regex PrusaInfo();
}
