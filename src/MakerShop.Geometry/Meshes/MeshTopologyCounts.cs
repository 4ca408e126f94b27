namespace MakerShop.Geometry.Meshes;

/// <summary>Shells (triangles joined through shared edges) and the edge faults <see cref="MeshHealth"/> reports.</summary>
internal readonly record struct MeshTopologyCounts(int Shells, long OpenEdges, long NonManifoldEdges, long InconsistentEdges);
