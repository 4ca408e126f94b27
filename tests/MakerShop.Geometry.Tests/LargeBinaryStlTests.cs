using System.Numerics;
using MakerShop.Geometry.Meshes;
using MakerShop.Geometry.Tests.Support;

namespace MakerShop.Geometry.Tests;

/// <summary>
/// Binary STLs large enough for the two-thread reader (one thread measures and hashes a chunk while the other welds
/// the one before): it must find exactly what the one-triangle-at-a-time path finds.
/// </summary>
public sealed class LargeBinaryStlTests
{
    // 6,000 separate cubes of 12 triangles: 72,000 triangles, past the two-thread threshold.
    private static List<(Vector3 A, Vector3 B, Vector3 C)> ManyCubes()
    {
        var triangles = new List<(Vector3 A, Vector3 B, Vector3 C)>();
        for (var x = 0; x < 20; x++)
        {
            for (var y = 0; y < 20; y++)
            {
                for (var z = 0; z < 15; z++)
                {
                    triangles.AddRange(TestMeshes.Cube(1.5f, new Vector3(x * 2, y * 2, z * 2)));
                }
            }
        }

        return triangles;
    }

    [Fact]
    public void A_large_binary_stl_measures_the_same_as_feeding_its_triangles_one_by_one()
    {
        var triangles = ManyCubes();
        triangles[40_000] = (triangles[40_000].A, triangles[40_000].C, triangles[40_000].B);
        triangles.RemoveAt(70_001);

        var read = ModelReader.Read(new MemoryStream(TestMeshes.BinaryStl(triangles))).Metrics;
        var oneByOne = new MeshAnalyzer();
        foreach (var (a, b, c) in triangles)
        {
            oneByOne.Add(a, b, c);
        }

        var expected = oneByOne.Finish();
        Assert.Equal(71_999, read.Triangles);
        Assert.Equal(6_000, read.Shells);
        Assert.Equal(48_000, read.Vertices);
        Assert.Equal(3, read.Health.OpenEdges);
        Assert.Equal(3, read.Health.InconsistentlyOrientedEdges);
        Assert.Equal(expected, read);
    }

    [Fact]
    public void A_coordinate_that_is_not_a_number_late_in_a_large_file_is_refused_naming_its_triangle()
    {
        var triangles = ManyCubes();
        triangles[65_000] = (triangles[65_000].A, new Vector3(1, float.NaN, 1), triangles[65_000].C);

        var error = Assert.Throws<ModelFormatException>(() => ModelReader.Read(new MemoryStream(TestMeshes.BinaryStl(triangles))));

        Assert.Equal(ModelProblem.InvalidNumber, error.Problem);
        Assert.Contains("Triangle 65,001", error.Message, StringComparison.Ordinal);
    }
}
