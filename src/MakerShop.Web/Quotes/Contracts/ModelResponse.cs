using MakerShop.Web.Api.Contracts;

namespace MakerShop.Web.Quotes.Contracts;

public sealed record ModelResponse(
    string Format,
    long Triangles,
    double VolumeMm3,
    double SurfaceAreaMm2,
    BuildVolumeResponse Size,
    int Shells,
    bool Closed,
    long OpenEdges,
    long NonManifoldEdges,
    long DegenerateTriangles,
    long InconsistentEdges,
    long ReversedStoredNormals = 0);
