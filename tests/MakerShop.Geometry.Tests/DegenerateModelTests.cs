using System.IO.Compression;
using System.Numerics;
using System.Text;
using MakerShop.Geometry.Tests.Support;

namespace MakerShop.Geometry.Tests;

/// <summary>
/// Models that read but could never be printed (an all-zero 3MF transform, a part with no thickness, one kilometres
/// long) are refused before anything costly is spent on them, saying what was measured.
/// </summary>
public sealed class DegenerateModelTests
{
    [Fact]
    public void A_tiny_3mf_whose_build_item_has_an_all_zero_transform_is_refused_as_a_degenerate_transform()
    {
        var package = AllZeroTransform3mf();
        Assert.True(package.Length < 1024, $"the attack file is {package.Length} bytes");

        var error = Assert.Throws<ModelFormatException>(() => ModelReader.Read(new MemoryStream(package)));

        Assert.Equal(ModelProblem.DegenerateTransform, error.Problem);
        Assert.Contains("nothing to print", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1 0 0 0 1 0 0 0 0 0 0 0", "flattened onto the XY plane")]
    [InlineData("1 0 0 1 0 0 0 0 1 0 0 0", "two axes on one line")]
    [InlineData("1e-7 0 0 0 1 0 0 0 1 0 0 0", "shrunk to nothing along X")]
    [InlineData("1e6 0 0 0 1e6 0 0 0 1e6 0 0 0", "scaled a million times")]
    [InlineData("1 0 0 0 1 0 0 0 1 1e9 0 0", "moved a thousand kilometres")]
    public void Singular_or_absurd_build_item_transforms_are_refused(string transform, string why)
    {
        var xml = TestMeshes.CubeModelXml("millimeter", transform);

        var error = Assert.Throws<ModelFormatException>(() => ModelReader.Read(new MemoryStream(TestMeshes.ThreeMf(xml))));

        Assert.True(error.Problem is ModelProblem.DegenerateTransform or ModelProblem.OutOfRange, $"{why}: {error.Problem} {error.Message}");
    }

    [Fact]
    public void A_component_with_a_singular_transform_is_refused_naming_its_object()
    {
        var xml = TestMeshes.CubeModelXml("millimeter", "component")
            .Replace("transform=\"1 0 0 0 1 0 0 0 1 100 0 0\"", "transform=\"0 0 0 0 0 0 0 0 0 100 0 0\"", StringComparison.Ordinal);

        var error = Assert.Throws<ModelFormatException>(() => ModelReader.Read(new MemoryStream(TestMeshes.ThreeMf(xml))));

        Assert.Equal(ModelProblem.DegenerateTransform, error.Problem);
        Assert.Contains("object 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rotations_mirrors_and_real_scales_are_still_accepted()
    {
        // 90° about Z, a mirror in X, and ×0.5 (a 5 mm cube): all real placements.
        var xml = TestMeshes.CubeModelXml("millimeter", "0 1 0 -1 0 0 0 0 1 0 0 0", "-1 0 0 0 1 0 0 0 1 40 0 0", "0.5 0 0 0 0.5 0 0 0 0.5 80 0 0");

        var report = ModelReader.Read(new MemoryStream(TestMeshes.ThreeMf(xml)));
        PrintableGeometry.Require(report);

        Assert.Equal(3, report.Objects);
    }

    [Fact]
    public void A_flat_stl_with_no_thickness_is_refused_naming_the_thin_axis()
    {
        var square = new List<(Vector3, Vector3, Vector3)>
        {
            (new(0, 0, 5), new(10, 0, 5), new(10, 10, 5)),
            (new(0, 0, 5), new(10, 10, 5), new(0, 10, 5)),
        };

        var error = Assert.Throws<ModelFormatException>(() => Require(TestMeshes.BinaryStl(square)));

        Assert.Equal(ModelProblem.DegenerateGeometry, error.Problem);
        Assert.Contains("along Z", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mesh_whose_points_all_lie_on_one_line_is_refused_as_having_no_surface()
    {
        var line = new List<(Vector3, Vector3, Vector3)> { (new(0, 0, 0), new(5, 5, 5), new(10, 10, 10)), (new(10, 10, 10), new(0, 0, 0), new(5, 5, 5)) };

        var error = Assert.Throws<ModelFormatException>(() => Require(TestMeshes.BinaryStl(line)));

        Assert.Equal(ModelProblem.DegenerateGeometry, error.Problem);
        Assert.Contains("no surface", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_speck_smaller_than_a_tenth_of_a_millimetre_is_refused()
    {
        var error = Assert.Throws<ModelFormatException>(() => Require(TestMeshes.BinaryStl(TestMeshes.Cube(0.05f))));

        Assert.Equal(ModelProblem.DegenerateGeometry, error.Problem);
        Assert.Contains("0.05", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_longer_than_ten_metres_is_refused_as_out_of_range()
    {
        var error = Assert.Throws<ModelFormatException>(() => Require(TestMeshes.BinaryStl(TestMeshes.Cube(20_000))));

        Assert.Equal(ModelProblem.OutOfRange, error.Problem);
        Assert.Contains("20000 × 20000 × 20000 mm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_readable_corpus_model_is_printable()
    {
        var models = Directory.GetFiles(Corpus.Directory).Where(f => f.EndsWith(".stl", StringComparison.Ordinal) || f.EndsWith(".3mf", StringComparison.Ordinal));
        var checkedModels = 0;
        foreach (var path in models)
        {
            ModelReport report;
            try
            {
                report = ModelReader.Read(path);
            }
            catch (ModelFormatException)
            {
                continue;
            }

            PrintableGeometry.Require(report);
            checkedModels++;
        }

        Assert.True(checkedModels >= 15, $"only {checkedModels} corpus models were read");
    }

    /// <summary>Built here, byte by byte as an attacker would: one triangle, one build item, all twelve numbers zero.</summary>
    internal static byte[] AllZeroTransform3mf()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("3D/3dmodel.model", CompressionLevel.SmallestSize).Open();
            entry.Write(Encoding.UTF8.GetBytes(
                """<model unit="millimeter" xmlns="http://schemas.microsoft.com/3dmanufacturing/core/2015/02"><resources><object id="1"><mesh><vertices><vertex x="0" y="0" z="0"/><vertex x="10" y="0" z="0"/><vertex x="0" y="10" z="0"/><vertex x="0" y="0" z="10"/></vertices><triangles><triangle v1="0" v2="2" v3="1"/><triangle v1="0" v2="1" v3="3"/><triangle v1="1" v2="2" v3="3"/><triangle v1="0" v2="3" v3="2"/></triangles></mesh></object></resources><build><item objectid="1" transform="0 0 0 0 0 0 0 0 0 0 0 0"/></build></model>"""));
        }

        return memory.ToArray();
    }

    private static void Require(byte[] model) => PrintableGeometry.Require(ModelReader.Read(new MemoryStream(model)));
}
