using System.Numerics;

namespace MakerShop.Geometry.Meshes;

/// <summary>
/// Measures a mesh while a reader streams it: volume, area and bounds are summed per triangle; each triangle's
/// three edges go into one flat array of packed vertex pairs that is sorted once at the end to find open,
/// non-manifold and inconsistently oriented edges. About 40 bytes per triangle in total, no per-triangle objects.
/// </summary>
public sealed class MeshAnalyzer : ITriangleSink
{
    private readonly VertexIndex _vertices;
    private readonly DisjointSets _shells;
    private readonly long _maxTriangles;
    private long[] _edges;
    private long _edgeCount;
    private long _triangles;
    private long _degenerate;
    private double _volume6;
    private double _area2;
    private Vector3 _min = new(float.PositiveInfinity);
    private Vector3 _max = new(float.NegativeInfinity);

    /// <param name="expectedTriangles">A size hint (a binary STL's header count) so arrays are allocated once.</param>
    /// <param name="maxTriangles">Beyond this many triangles the model is refused rather than measured.</param>
    public MeshAnalyzer(long expectedTriangles = 0, long maxTriangles = 20_000_000)
    {
        var hint = (int)Math.Clamp(expectedTriangles, 0, maxTriangles);
        _maxTriangles = maxTriangles;
        _vertices = new VertexIndex(hint / 2 + 16);
        _shells = new DisjointSets(hint / 2 + 16);
        _edges = new long[Math.Max(48, hint * 3)];
    }

    public long Triangles => _triangles;

    public void Add(Vector3 a, Vector3 b, Vector3 c)
    {
        if (++_triangles > _maxTriangles)
        {
            throw new ModelFormatException(ModelProblem.TooLarge, $"The model has more than {_maxTriangles:N0} triangles, more than the shop accepts.");
        }

        _min = Vector3.Min(_min, Vector3.Min(a, Vector3.Min(b, c)));
        _max = Vector3.Max(_max, Vector3.Max(a, Vector3.Max(b, c)));

        // Double precision: a million float products would lose the 0.1 % that matters for pricing.
        double ax = a.X, ay = a.Y, az = a.Z, bx = b.X, by = b.Y, bz = b.Z, cx = c.X, cy = c.Y, cz = c.Z;
        _volume6 += ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
        double ux = bx - ax, uy = by - ay, uz = bz - az, vx = cx - ax, vy = cy - ay, vz = cz - az;
        double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
        var twiceArea = Math.Sqrt(nx * nx + ny * ny + nz * nz);
        _area2 += twiceArea;

        var ia = _vertices.GetOrAdd(a);
        var ib = _vertices.GetOrAdd(b);
        var ic = _vertices.GetOrAdd(c);
        _shells.EnsureCount(_vertices.Count);
        _shells.Union(ia, ib);
        _shells.Union(ia, ic);
        if (ia == ib || ib == ic || ia == ic || twiceArea == 0)
        {
            // admesh removes such facets before checking edges; so do we, so the edge counts agree.
            _degenerate++;
            return;
        }

        if (_edgeCount + 3 > _edges.Length)
        {
            Array.Resize(ref _edges, checked((int)Math.Min(Array.MaxLength, _edges.Length * 2L)));
        }

        _edges[_edgeCount++] = PackEdge(ia, ib);
        _edges[_edgeCount++] = PackEdge(ib, ic);
        _edges[_edgeCount++] = PackEdge(ic, ia);
    }

    /// <summary>Sorts the edges and counts what they show; call once, after the reader has finished.</summary>
    public MeshMetrics Finish()
    {
        var edges = _edges.AsSpan(0, (int)_edgeCount);
        edges.Sort();
        long open = 0, nonManifold = 0, inconsistent = 0;
        var i = 0;
        while (i < edges.Length)
        {
            var key = edges[i] >> 1;
            int count = 0, forward = 0;
            for (; i < edges.Length && edges[i] >> 1 == key; i++)
            {
                count++;
                forward += (int)(edges[i] & 1);
            }

            if (count == 1)
            {
                open++;
            }
            else if (count > 2)
            {
                nonManifold++;
            }
            else if (forward != 1)
            {
                inconsistent++;
            }
        }

        var bounds = _triangles == 0 ? BoundingBox.Empty : new BoundingBox(_min, _max);
        return new MeshMetrics(
            _triangles,
            _vertices.Count,
            _volume6 / 6.0,
            _area2 / 2.0,
            bounds,
            _shells.CountRoots(),
            new MeshHealth(open, nonManifold, _degenerate, inconsistent));
    }

    // Smaller index in the high bits and the walking direction in bit 0, so both directions of an edge sort together.
    private static long PackEdge(int from, int to) =>
        from < to
            ? ((long)from << 32) | ((long)to << 1)
            : ((long)to << 32) | ((long)from << 1) | 1;
}
