using System.Numerics;
using MakerShop.Geometry.Meshes;
using MakerShop.Geometry.Tests.Support;

namespace MakerShop.Geometry.Tests;

public sealed class MeshMetricsTests
{
    [Fact]
    public void A_closed_cube_has_its_volume_area_and_box()
    {
        var metrics = Measure(TestMeshes.Cube(10));

        Assert.Equal(1000, metrics.Volume, 6);
        Assert.Equal(600, metrics.SurfaceArea, 6);
        Assert.Equal(new Vector3(10), metrics.Bounds.Size);
        Assert.Equal(1, metrics.Shells);
        Assert.True(metrics.Health.IsClosed);
        Assert.True(metrics.Health.IsConsistentlyOriented);
    }

    [Fact]
    public void A_cube_with_every_normal_inverted_has_a_negative_volume()
    {
        var inverted = TestMeshes.Cube(10).Select(t => (t.A, t.C, t.B)).ToList();

        var metrics = Measure(inverted);

        Assert.Equal(-1000, metrics.Volume, 6);
        Assert.True(metrics.IsInsideOut);
        Assert.True(metrics.Health.IsConsistentlyOriented);
    }

    [Fact]
    public void One_flipped_triangle_shows_as_three_inconsistently_oriented_edges()
    {
        var cube = TestMeshes.Cube(10);
        cube[0] = (cube[0].A, cube[0].C, cube[0].B);

        var health = Measure(cube).Health;

        Assert.Equal(3, health.InconsistentlyOrientedEdges);
        Assert.True(health.IsClosed);
    }

    [Fact]
    public void A_missing_triangle_leaves_three_open_edges()
    {
        var cube = TestMeshes.Cube(10);
        cube.RemoveAt(3);

        var health = Measure(cube).Health;

        Assert.Equal(3, health.OpenEdges);
        Assert.False(health.IsClosed);
    }

    [Fact]
    public void An_edge_shared_by_four_triangles_is_non_manifold()
    {
        // Two cubes touching along one edge.
        var metrics = Measure([.. TestMeshes.Cube(10), .. TestMeshes.Cube(10, new Vector3(10, 10, 0))]);

        Assert.Equal(1, metrics.Health.NonManifoldEdges);
        Assert.Equal(1, metrics.Shells);
    }

    [Fact]
    public void Separate_parts_are_separate_shells()
    {
        var metrics = Measure([.. TestMeshes.Cube(10), .. TestMeshes.Cube(5, new Vector3(20, 0, 0))]);

        Assert.Equal(2, metrics.Shells);
        Assert.Equal(1125, metrics.Volume, 6);
    }

    [Fact]
    public void Parts_touching_at_one_corner_are_separate_shells()
    {
        var metrics = Measure([.. TestMeshes.Cube(10), .. TestMeshes.Cube(10, new Vector3(10, 10, 10))]);

        Assert.Equal(2, metrics.Shells);
        Assert.True(metrics.Health.IsClosed);
        Assert.Equal(2000, metrics.Volume, 6);
    }

    [Fact]
    public void A_zero_area_sliver_with_distinct_corners_closes_the_edge_it_lies_along()
    {
        // A tetrahedron whose bottom face is split at M, the middle of edge AB; the side face still runs A-B in one
        // edge, and the sliver A-M-B (no area, three distinct corners) joins the two, as CAD exports of gears do.
        Vector3 a = new(0, 0, 0), b = new(10, 0, 0), c = new(0, 10, 0), d = new(0, 0, 10), m = new(5, 0, 0);
        var metrics = Measure([(a, c, m), (m, c, b), (a, b, d), (a, d, c), (b, c, d), (a, m, b)]);

        Assert.True(metrics.Health.IsClosed, $"open edges: {metrics.Health.OpenEdges}");
        Assert.True(metrics.Health.IsConsistentlyOriented);
        Assert.Equal(1, metrics.Health.DegenerateTriangles);
        Assert.Equal(1, metrics.Shells);
        Assert.Equal(1000 / 6.0, metrics.Volume, 6);
    }

    [Fact]
    public void Triangles_with_repeated_or_collinear_corners_are_degenerate()
    {
        var cube = TestMeshes.Cube(10);
        cube.Add((new Vector3(0, 0, 0), new Vector3(0, 0, 0), new Vector3(1, 1, 1)));
        cube.Add((new Vector3(0, 0, 0), new Vector3(5, 0, 0), new Vector3(10, 0, 0)));

        var metrics = Measure(cube);

        Assert.Equal(2, metrics.Health.DegenerateTriangles);
        Assert.Equal(14, metrics.Triangles);
    }

    [Fact]
    public void Binary_and_ascii_stl_of_the_same_cube_measure_the_same()
    {
        var binary = ModelReader.Read(new MemoryStream(TestMeshes.BinaryStl(TestMeshes.Cube(20))));
        var ascii = "solid cube\r\n" + string.Concat(TestMeshes.Cube(20).Select(t => FormattableString.Invariant(
            $"facet normal 0 0 0\r\nouter loop\r\nvertex {t.A.X} {t.A.Y} {t.A.Z}\r\nvertex {t.B.X} {t.B.Y} {t.B.Z}\r\nvertex {t.C.X} {t.C.Y} {t.C.Z}\r\nendloop\r\nendfacet\r\n"))) + "endsolid cube\r\n";
        var text = ModelReader.Read(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(ascii)));

        Assert.Equal(ModelFormat.BinaryStl, binary.Format);
        Assert.Equal(ModelFormat.AsciiStl, text.Format);
        Assert.Equal(binary.Metrics.Volume, text.Metrics.Volume, 9);
        Assert.Equal(binary.Metrics.Bounds, text.Metrics.Bounds);
    }

    private static MeshMetrics Measure(IEnumerable<(Vector3 A, Vector3 B, Vector3 C)> triangles)
    {
        var analyzer = new MeshAnalyzer();
        foreach (var (a, b, c) in triangles)
        {
            analyzer.Add(a, b, c);
        }

        return analyzer.Finish();
    }
}
