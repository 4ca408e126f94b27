using System.Numerics;

namespace MakerShop.Geometry.Meshes;

/// <summary>Receives a model's triangles one by one as a reader streams them, so no reader keeps the mesh.</summary>
public interface ITriangleSink
{
    void Add(Vector3 a, Vector3 b, Vector3 c);
}
