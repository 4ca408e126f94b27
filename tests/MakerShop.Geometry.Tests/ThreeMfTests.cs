using System.Numerics;
using MakerShop.Geometry.Tests.Support;

namespace MakerShop.Geometry.Tests;

public sealed class ThreeMfTests
{
    [Fact]
    public void Build_items_are_placed_with_their_transforms()
    {
        // Two items: the cube as is, and the cube scaled ×2 and moved 50 mm along X.
        var xml = TestMeshes.CubeModelXml("millimeter", "1 0 0 0 1 0 0 0 1 0 0 0", "2 0 0 0 2 0 0 0 2 50 0 0");

        var report = ModelReader.Read(new MemoryStream(TestMeshes.ThreeMf(xml)));

        Assert.Equal(ModelFormat.ThreeMf, report.Format);
        Assert.Equal(2, report.Objects);
        Assert.Equal(24, report.Metrics.Triangles);
        Assert.Equal(1000 + 8000, report.Metrics.Volume, 3);
        Assert.Equal(new Vector3(70, 20, 20), report.Metrics.Bounds.Size);
        Assert.Equal(2, report.Metrics.Shells);
    }

    [Fact]
    public void Model_units_are_converted_to_millimetres()
    {
        var report = ModelReader.Read(new MemoryStream(TestMeshes.ThreeMf(TestMeshes.CubeModelXml("inch", "1 0 0 0 1 0 0 0 1 0 0 0")))).Metrics;

        Assert.Equal(254, report.Bounds.Size.X, 3);
        Assert.Equal(254.0 * 254 * 254, report.Volume, 0);
    }

    [Fact]
    public void Components_place_other_objects_inside_an_item()
    {
        var report = ModelReader.Read(new MemoryStream(TestMeshes.ThreeMf(TestMeshes.CubeModelXml("millimeter", "component")))).Metrics;

        Assert.Equal(100, report.Bounds.Min.X, 3);
        Assert.Equal(1000, report.Volume, 3);
    }

    [Fact]
    public void The_model_part_is_found_through_the_package_relationship_wherever_it_lives()
    {
        var package = TestMeshes.ThreeMf(TestMeshes.CubeModelXml("millimeter", "1 0 0 0 1 0 0 0 1 0 0 0"), modelPath: "parts/elsewhere.model");

        Assert.Equal(12, ModelReader.Read(new MemoryStream(package)).Metrics.Triangles);
    }
}
