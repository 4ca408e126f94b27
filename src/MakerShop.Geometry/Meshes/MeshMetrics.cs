namespace MakerShop.Geometry.Meshes;

/// <summary>
/// What a model measures. <see cref="Volume"/> is signed: a closed mesh whose normals all point inwards
/// comes out negative, which is how an inverted export is noticed.
/// </summary>
public sealed record MeshMetrics(
    long Triangles,
    long Vertices,
    double Volume,
    double SurfaceArea,
    BoundingBox Bounds,
    int Shells,
    MeshHealth Health)
{
    public bool IsInsideOut => Volume < 0;
}
