namespace MakerShop.Geometry.ThreeMf;

/// <summary>One &lt;object&gt; of a 3MF model: its own mesh (flat arrays) and/or components that place other objects.</summary>
internal sealed class MeshObject(int id)
{
    public int Id { get; } = id;

    public List<float> Vertices { get; } = [];

    public List<int> Triangles { get; } = [];

    public List<(int ObjectId, Transform3 Transform)> Components { get; } = [];
}
