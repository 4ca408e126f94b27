using System.Numerics;

namespace MakerShop.Geometry.Meshes;

/// <summary>
/// Measures a mesh while a reader streams it: volume, area and bounds are summed per triangle, and each triangle's
/// three vertex indices go into one flat array. At the end the edges are bucketed by their smaller vertex (a counting
/// pass, no sort of the whole edge list), which finds open, non-manifold and inconsistently oriented edges in two
/// linear passes. About 30 bytes per triangle in total, no per-triangle objects.
/// </summary>
public sealed class MeshAnalyzer : ITriangleSink
{
    private readonly VertexIndex _vertices;
    private readonly DisjointSets _shells;
    private readonly long _maxTriangles;
    private int[] _corners;
    private long _cornerCount;
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
        _corners = new int[Math.Max(48, hint * 3)];
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

        if (_cornerCount + 3 > _corners.Length)
        {
            Array.Resize(ref _corners, checked((int)Math.Min(Array.MaxLength, _corners.Length * 2L)));
        }

        _corners[_cornerCount++] = ia;
        _corners[_cornerCount++] = ib;
        _corners[_cornerCount++] = ic;
    }

    /// <summary>Counts what the edges show; call once, after the reader has finished.</summary>
    public MeshMetrics Finish()
    {
        // Shells and vertex count first, so the vertex table can go before the edge buckets are allocated.
        var shells = _shells.CountRoots();
        var vertices = _vertices.Count;
        _vertices.Release();
        var (open, nonManifold, inconsistent) = CountEdges(vertices);
        var bounds = _triangles == 0 ? BoundingBox.Empty : new BoundingBox(_min, _max);
        return new MeshMetrics(
            _triangles,
            vertices,
            _volume6 / 6.0,
            _area2 / 2.0,
            bounds,
            shells,
            new MeshHealth(open, nonManifold, _degenerate, inconsistent));
    }

    private (long Open, long NonManifold, long Inconsistent) CountEdges(int vertexCount)
    {
        // Bucket every edge under its smaller vertex: count, prefix-sum, place. Each bucket then holds the few edges
        // that leave one vertex, stored as (larger vertex << 1 | walking direction).
        var start = new int[vertexCount + 1];
        var corners = _corners;
        var cornerCount = (int)_cornerCount;
        for (var t = 0; t < cornerCount; t += 3)
        {
            start[Math.Min(corners[t], corners[t + 1])]++;
            start[Math.Min(corners[t + 1], corners[t + 2])]++;
            start[Math.Min(corners[t + 2], corners[t])]++;
        }

        // Running totals: start[v] is now where bucket v ends.
        for (var v = 1; v < vertexCount; v++)
        {
            start[v] += start[v - 1];
        }

        start[vertexCount] = cornerCount;

        // Fill each bucket from its end down, so afterwards start[v] is where it begins and start[v + 1] where it ends.
        var edges = new int[cornerCount];
        for (var t = 0; t < cornerCount; t += 3)
        {
            Place(edges, start, corners[t], corners[t + 1]);
            Place(edges, start, corners[t + 1], corners[t + 2]);
            Place(edges, start, corners[t + 2], corners[t]);
        }

        _corners = [];

        long open = 0, nonManifold = 0, inconsistent = 0;
        for (var v = 0; v < vertexCount; v++)
        {
            var bucket = edges.AsSpan(start[v], start[v + 1] - start[v]);
            if (bucket.Length > 1)
            {
                bucket.Sort();
            }

            var i = 0;
            while (i < bucket.Length)
            {
                var other = bucket[i] >> 1;
                int count = 0, forward = 0;
                for (; i < bucket.Length && bucket[i] >> 1 == other; i++)
                {
                    count++;
                    forward += bucket[i] & 1;
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
        }

        return (open, nonManifold, inconsistent);
    }

    private static void Place(int[] edges, int[] start, int from, int to)
    {
        if (from < to)
        {
            edges[--start[from]] = to << 1;
        }
        else
        {
            edges[--start[to]] = (from << 1) | 1;
        }
    }
}
