namespace MakerShop.Geometry.Meshes;

/// <summary>
/// Topology found by matching vertices exactly (as admesh does before it repairs anything): an edge used by one
/// triangle is open, by more than two non-manifold, and two triangles walking a shared edge the same way disagree
/// about which side is outside.
/// </summary>
public sealed record MeshHealth(long OpenEdges, long NonManifoldEdges, long DegenerateTriangles, long InconsistentlyOrientedEdges)
{
    /// <summary>Watertight and consistently oriented: a slicer can tell inside from outside everywhere.</summary>
    public bool IsClosed => OpenEdges == 0 && NonManifoldEdges == 0;

    public bool IsConsistentlyOriented => InconsistentlyOrientedEdges == 0;
}
