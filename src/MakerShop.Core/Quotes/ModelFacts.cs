namespace MakerShop.Core.Quotes;

/// <summary>
/// What measuring the uploaded model found, as plain values (the Geometry project does the measuring).
/// <see cref="ReversedStoredNormals"/> is a note only: the slicer recomputes normals from the winding.
/// </summary>
public sealed record ModelFacts(
    long Triangles,
    double VolumeMm3,
    double SurfaceAreaMm2,
    Size3 Size,
    int Shells,
    long OpenEdges,
    long NonManifoldEdges,
    long DegenerateTriangles,
    long InconsistentEdges,
    long ReversedStoredNormals = 0);
