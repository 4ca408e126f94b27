namespace MakerShop.Geometry.Meshes;

/// <summary>
/// Topology found by matching vertices exactly (as admesh does before it repairs anything): an edge used by one
/// triangle is open, by more than two non-manifold, and two triangles walking a shared edge the same way disagree
/// about which side is outside. <see cref="ReversedStoredNormals"/> counts STL facets whose stored normal points to the
/// other side from their winding: slicers recompute normals from the winding, so it is a note, not a defect.
/// </summary>
public sealed record MeshHealth(long OpenEdges, long NonManifoldEdges, long DegenerateTriangles, long InconsistentlyOrientedEdges, long ReversedStoredNormals = 0)
{
    /// <summary>Watertight and consistently oriented: a slicer can tell inside from outside everywhere.</summary>
    public bool IsClosed => OpenEdges == 0 && NonManifoldEdges == 0;

    public bool IsConsistentlyOriented => InconsistentlyOrientedEdges == 0;
}
