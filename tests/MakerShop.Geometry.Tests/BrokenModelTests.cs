using System.IO.Compression;
using System.Numerics;
using System.Text;
using MakerShop.Geometry.Tests.Support;

namespace MakerShop.Geometry.Tests;

/// <summary>Bad uploads are refused with an error that names what is wrong, never a crash or a hang.</summary>
public sealed class BrokenModelTests
{
    [Fact]
    public void A_truncated_binary_stl_names_the_announced_and_the_present_triangles()
    {
        var whole = File.ReadAllBytes(Corpus.File("3dbenchy_gunwale.stl"));
        var cut = whole[..(84 + 50 * 1000 + 17)];

        var error = Read(cut);

        Assert.Equal(ModelProblem.Truncated, error.Problem);
        Assert.Contains("55,484", error.Message, StringComparison.Ordinal);
        Assert.Contains("1,000 whole triangles", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_stl_whose_count_does_not_match_its_size_is_refused()
    {
        var stl = TestMeshes.BinaryStl(TestMeshes.Cube(10));
        var padded = stl.Concat(new byte[50 * 3]).ToArray();

        var error = Read(padded);

        Assert.Equal(ModelProblem.TriangleCountMismatch, error.Problem);
        Assert.Contains("12 triangles", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void A_binary_stl_with_a_non_finite_coordinate_names_the_triangle(float bad)
    {
        var cube = TestMeshes.Cube(10);
        cube[4] = (cube[4].A, new Vector3(1, bad, 2), cube[4].C);

        var error = Read(TestMeshes.BinaryStl(cube));

        Assert.Equal(ModelProblem.InvalidNumber, error.Problem);
        Assert.Contains("Triangle 5", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nan")]
    [InlineData("inf")]
    [InlineData("1e999")]
    public void An_ascii_stl_with_a_non_finite_vertex_names_the_line(string bad)
    {
        var text = $"solid x\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 {bad} 0\nendloop\nendfacet\nendsolid x\n";

        var error = Read(Encoding.ASCII.GetBytes(text));

        Assert.True(error.Problem is ModelProblem.InvalidNumber or ModelProblem.Syntax, error.Message);
        Assert.Contains("Line 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ascii_stl_cut_off_inside_a_facet_says_so()
    {
        var error = Read(Encoding.ASCII.GetBytes("solid x\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0"));

        Assert.Equal(ModelProblem.Truncated, error.Problem);
    }

    [Fact]
    public void A_3mf_without_a_model_part_is_refused_naming_the_missing_part()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("Metadata/thumbnail.png").Open();
            entry.Write(new byte[100]);
        }

        var error = Read(memory.ToArray());

        Assert.Equal(ModelProblem.MissingModelPart, error.Problem);
        Assert.Contains("3D model part", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_3mf_that_inflates_a_thousandfold_is_refused_as_a_zip_bomb_before_it_is_inflated()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("3D/3dmodel.model", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 64; i++)
            {
                entry.Write(zeros);
            }
        }

        var error = Read(memory.ToArray());

        Assert.Equal(ModelProblem.ZipBomb, error.Problem);
    }

    [Fact]
    public void A_zip_that_is_damaged_is_refused_as_unreadable()
    {
        var package = TestMeshes.ThreeMf(TestMeshes.CubeModelXml("millimeter", "1 0 0 0 1 0 0 0 1 0 0 0"));
        var damaged = package[..(package.Length / 2)];

        var error = Read(damaged);

        Assert.Equal(ModelProblem.Unreadable, error.Problem);
    }

    [Fact]
    public void A_build_item_pointing_at_a_missing_object_is_refused()
    {
        var xml = TestMeshes.CubeModelXml("millimeter", "1 0 0 0 1 0 0 0 1 0 0 0").Replace("<item objectid=\"1\"", "<item objectid=\"9\"", StringComparison.Ordinal);

        var error = Read(TestMeshes.ThreeMf(xml));

        Assert.Equal(ModelProblem.BadReference, error.Problem);
        Assert.Contains("object 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_are_refused_without_a_crash()
    {
        var noise = new byte[10_000];
        new Random(42).NextBytes(noise);

        var error = Read(noise);

        Assert.True(error.Problem is ModelProblem.TriangleCountMismatch or ModelProblem.Truncated, error.Message);
    }

    [Fact]
    public void An_empty_file_is_refused_as_empty() => Assert.Equal(ModelProblem.Empty, Read([]).Problem);

    private static ModelFormatException Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return Assert.Throws<ModelFormatException>(() => ModelReader.Read(stream));
    }
}
