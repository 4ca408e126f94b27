using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using MakerShop.Geometry.Tests.Support;

namespace MakerShop.Geometry.Tests;

/// <summary>
/// STL facets whose stored normal points to the other side from their winding: counted on every reading path, as a
/// note (the slicer recomputes normals from the winding), never as a reason to refuse or to call the mesh open.
/// </summary>
public sealed class StoredNormalTests
{
    [Theory]
    [InlineData("numpystl_bwb.stl", 155)]
    [InlineData("octoprint_bp_case.stl", 2)]
    [InlineData("3dbenchy_gunwale.stl", 0)]
    [InlineData("trimesh_busted.stl", 0)] // every stored normal is zero: "compute it yourself", no disagreement
    public void Corpus_facets_whose_stored_normal_points_against_the_winding_are_counted(string file, long reversed)
    {
        var metrics = ModelReader.Read(Corpus.File(file)).Metrics;

        Assert.Equal(reversed, metrics.Health.ReversedStoredNormals);
    }

    [Fact]
    public void A_binary_cube_with_one_stored_normal_reversed_counts_one_and_stays_closed()
    {
        var stl = TestMeshes.BinaryStl(TestMeshes.Cube(10));
        ReverseStoredNormal(stl, 4);

        var metrics = ModelReader.Read(new MemoryStream(stl)).Metrics;

        Assert.Equal(1, metrics.Health.ReversedStoredNormals);
        Assert.True(metrics.Health.IsClosed);
        Assert.True(metrics.Health.IsConsistentlyOriented);
        Assert.Equal(1000, metrics.Volume, 6);
    }

    [Fact]
    public void An_ascii_cube_with_one_stored_normal_reversed_and_one_garbage_normal_counts_one()
    {
        var facets = TestMeshes.Cube(10).Select((t, i) =>
        {
            var n = Vector3.Normalize(Vector3.Cross(t.B - t.A, t.C - t.A));
            var normal = i switch
            {
                2 => FormattableString.Invariant($"{-n.X} {-n.Y} {-n.Z}"),
                5 => "nan inf -",
                _ => FormattableString.Invariant($"{n.X} {n.Y} {n.Z}"),
            };
            return FormattableString.Invariant(
                $"facet normal {normal}\nouter loop\nvertex {t.A.X} {t.A.Y} {t.A.Z}\nvertex {t.B.X} {t.B.Y} {t.B.Z}\nvertex {t.C.X} {t.C.Y} {t.C.Z}\nendloop\nendfacet\n");
        });
        var ascii = "solid cube\n" + string.Concat(facets) + "endsolid cube\n";

        var metrics = ModelReader.Read(new MemoryStream(Encoding.ASCII.GetBytes(ascii))).Metrics;

        Assert.Equal(1, metrics.Health.ReversedStoredNormals);
        Assert.True(metrics.Health.IsClosed);
    }

    [Fact]
    public void A_large_binary_stl_counts_reversed_normals_as_the_one_by_one_path_does()
    {
        var triangles = new List<(Vector3 A, Vector3 B, Vector3 C)>();
        for (var i = 0; i < 6_000; i++)
        {
            triangles.AddRange(TestMeshes.Cube(1.5f, new Vector3(i % 40 * 2, i / 40 * 2, 0)));
        }

        var stl = TestMeshes.BinaryStl(triangles);
        int[] reversed = [0, 12_345, 40_000, 71_999];
        foreach (var facet in reversed)
        {
            ReverseStoredNormal(stl, facet);
        }

        var read = ModelReader.Read(new MemoryStream(stl)).Metrics;
        var oneByOne = new Meshes.MeshAnalyzer();
        BinaryStlReaderSlowPath(stl, oneByOne);

        Assert.Equal(reversed.Length, read.Health.ReversedStoredNormals);
        Assert.Equal(oneByOne.Finish(), read);
    }

    [Fact]
    public void A_stored_normal_that_is_not_a_finite_number_counts_as_none_on_both_binary_paths()
    {
        var stl = TestMeshes.BinaryStl(TestMeshes.Cube(10));
        var count = BinaryPrimitives.ReadUInt32LittleEndian(stl.AsSpan(80));
        for (var facet = 0; facet < count; facet++)
        {
            // Against a winding whose normal has a positive part, -infinity gives a dot product of -infinity.
            for (var axis = 0; axis < 3; axis++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(stl.AsSpan(84 + facet * 50 + axis * 4), float.NegativeInfinity);
            }
        }

        var read = ModelReader.Read(new MemoryStream(stl)).Metrics;
        var oneByOne = new Meshes.MeshAnalyzer();
        BinaryStlReaderSlowPath(stl, oneByOne);

        Assert.Equal(0, read.Health.ReversedStoredNormals);
        Assert.Equal(oneByOne.Finish(), read);
    }

    /// <summary>The reader's facet-by-facet path: the one every sink other than the analyser itself gets.</summary>
    private static void BinaryStlReaderSlowPath(byte[] stl, Meshes.MeshAnalyzer analyzer)
    {
        var count = BinaryPrimitives.ReadUInt32LittleEndian(stl.AsSpan(80));
        var stream = new MemoryStream(stl, 84, stl.Length - 84);
        Stl.BinaryStlReader.ReadTriangles(stream, count, new ForwardingSink(analyzer));
    }

    private sealed class ForwardingSink(Meshes.MeshAnalyzer analyzer) : Meshes.ITriangleSink
    {
        public void Add(Vector3 a, Vector3 b, Vector3 c) => analyzer.Add(a, b, c);

        public void AddFacet(Vector3 storedNormal, Vector3 a, Vector3 b, Vector3 c) => analyzer.AddFacet(storedNormal, a, b, c);
    }

    private static void ReverseStoredNormal(byte[] stl, int facet)
    {
        for (var axis = 0; axis < 3; axis++)
        {
            var at = stl.AsSpan(84 + facet * 50 + axis * 4);
            BinaryPrimitives.WriteSingleLittleEndian(at, -BinaryPrimitives.ReadSingleLittleEndian(at));
        }
    }
}
