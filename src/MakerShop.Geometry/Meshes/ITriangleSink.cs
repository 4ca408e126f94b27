using System.Numerics;

namespace MakerShop.Geometry.Meshes;

/// <summary>Receives a model's triangles one by one as a reader streams them, so no reader keeps the mesh.</summary>
public interface ITriangleSink
{
    void Add(Vector3 a, Vector3 b, Vector3 c);

    /// <summary>A triangle with the normal its file stored for it (STL does; zero when it stored none).</summary>
    void AddFacet(Vector3 storedNormal, Vector3 a, Vector3 b, Vector3 c) => Add(a, b, c);
}
