using MakerShop.Geometry.Meshes;

namespace MakerShop.Geometry;

/// <summary>What was read: the format, the measured mesh, and how many build items (objects placed) it held.</summary>
public sealed record ModelReport(ModelFormat Format, MeshMetrics Metrics, int Objects);
