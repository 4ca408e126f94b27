using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MakerShop.Geometry.Meshes;

/// <summary>
/// Measures a mesh while a reader streams it: volume, area and bounds are summed per triangle, and each triangle's
/// three vertex indices go into one flat array (12 bytes per triangle; the coordinates are not kept). At the end
/// <see cref="MeshTopology"/> counts shells and edge faults over those indices; the edge buckets reuse the vertex
/// table's storage, so the peak stays near 34 bytes per triangle.
/// </summary>
public sealed class MeshAnalyzer : ITriangleSink
{
    private const int BlockTriangles = 128;
    private readonly VertexIndex _vertices;
    private readonly VertexIndex.RecentForecast _forecast = new();
    private readonly long _maxTriangles;
    private int[] _corners;
    private int _cornerCount;
    private long _triangles;
    private long _degenerate;
    private long _reversedNormals;
    // What the prefetching loads read, kept so the compiler cannot drop them as unused; never looked at.
    private int _touched;
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
        _corners = new int[Math.Max(48, hint * 3)];
    }

    public long Triangles => _triangles;

    /// <summary>
    /// Also notes whether the stored normal points to the other side of the triangle from the one its winding (the
    /// right-hand rule) says is outside. A zero normal is the usual "compute it yourself" and is no disagreement.
    /// </summary>
    public void AddFacet(Vector3 storedNormal, Vector3 a, Vector3 b, Vector3 c) => Add(storedNormal, a, b, c);

    public void Add(Vector3 a, Vector3 b, Vector3 c) => Add(Vector3.Zero, a, b, c);

    private void Add(Vector3 storedNormal, Vector3 a, Vector3 b, Vector3 c)
    {
        if (++_triangles > _maxTriangles)
        {
            throw TooMany();
        }

        var bounds = new Bounds(_min, _max);
        bounds.Include(a);
        bounds.Include(b);
        bounds.Include(c);
        (_min, _max) = bounds.ToVectors();
        var twiceArea = Accumulate(a, b, c, storedNormal, ref _volume6, ref _area2, ref _reversedNormals);
        Connect(_vertices.GetOrAdd(a.X, a.Y, a.Z), _vertices.GetOrAdd(b.X, b.Y, b.Z), _vertices.GetOrAdd(c.X, c.Y, c.Z), twiceArea);
    }

    /// <summary>
    /// The binary STL fast path, first half: measures whole 50-byte facets straight from the read buffer (same
    /// arithmetic, same order, as <see cref="Add"/>, with the running sums in registers instead of fields) and hashes
    /// their vertices into <paramref name="into"/>. Touches only the sums, the triangle count and the recent-cache
    /// forecast, none of which <see cref="ConnectFacets"/> uses, so it can run on another thread one chunk ahead of it
    /// (the hand-over of <paramref name="into"/> orders the two).
    /// </summary>
    internal void MeasureFacets(ReadOnlySpan<byte> facets, int facetBytes, long firstTriangle, PreparedFacets into)
    {
        var count = facets.Length / facetBytes;
        if (count > into.Capacity)
        {
            throw new ArgumentException("more facets than the chunk holds", nameof(facets));
        }

        if (_triangles + count > _maxTriangles)
        {
            throw TooMany();
        }

        double volume6 = _volume6, area2 = _area2;
        var reversed = _reversedNormals;
        var bounds = new Bounds(_min, _max);
        var areas = into.TwiceAreas;
        var misses = 0;
        for (var t = 0; t < count; t++)
        {
            var facet = facets.Slice(t * facetBytes + 12, 36);
            var a = MemoryMarshal.Read<Vector3>(facet);
            var b = MemoryMarshal.Read<Vector3>(facet[12..]);
            var c = MemoryMarshal.Read<Vector3>(facet[24..]);

            // One test for all nine numbers: a sum of finite floats is finite unless it overflows, and then the
            // careful check finds nothing wrong.
            if (!float.IsFinite(a.X + a.Y + a.Z + b.X + b.Y + b.Z + c.X + c.Y + c.Z))
            {
                RequireFinite(a, b, c, firstTriangle + t);
            }

            bounds.Include(a);
            bounds.Include(b);
            bounds.Include(c);
            areas[t] = Accumulate(a, b, c, MemoryMarshal.Read<Vector3>(facets.Slice(t * facetBytes, 12)), ref volume6, ref area2, ref reversed);

            misses = Prepare(a, t * 3, into, misses);
            misses = Prepare(b, t * 3 + 1, into, misses);
            misses = Prepare(c, t * 3 + 2, into, misses);
        }

        into.MissCount = misses;

        _volume6 = volume6;
        _area2 = area2;
        _reversedNormals = reversed;
        (_min, _max) = bounds.ToVectors();
        into.Count = count;
        _triangles += count;
    }

    /// <summary>
    /// The binary STL fast path, second half: welds a measured chunk's vertices and keeps its triangles' corners. In
    /// blocks: first the table slots of the block's vertices that the recent cache will not answer are touched (see
    /// <see cref="VertexIndex.Touch"/>), then the vertices are looked up, by then mostly in cache.
    /// </summary>
    internal void ConnectFacets(PreparedFacets from)
    {
        var keys = from.Keys;
        var hashes = from.Hashes;
        var areas = from.TwiceAreas;
        var misses = from.Misses.AsSpan(0, from.MissCount);
        var touched = 0;

        // One block ahead: the slots for block k + 1 are on their way while block k is looked up.
        var touchedUpTo = 0;
        for (var first = 0; first < from.Count; first += BlockTriangles)
        {
            var end = Math.Min(first + BlockTriangles, from.Count);
            var ahead = Math.Min(end + BlockTriangles, from.Count) * 3;
            var touchFrom = touchedUpTo;
            while (touchedUpTo < misses.Length && misses[touchedUpTo] < ahead)
            {
                touchedUpTo++;
            }

            touched ^= _vertices.Touch(hashes, misses[touchFrom..touchedUpTo]);
            for (var t = first; t < end; t++)
            {
                var k = t * 9;
                var ia = _vertices.GetOrAdd(hashes[t * 3], keys[k], keys[k + 1], keys[k + 2]);
                var ib = _vertices.GetOrAdd(hashes[t * 3 + 1], keys[k + 3], keys[k + 4], keys[k + 5]);
                var ic = _vertices.GetOrAdd(hashes[t * 3 + 2], keys[k + 6], keys[k + 7], keys[k + 8]);
                Connect(ia, ib, ic, areas[t]);
            }
        }

        _touched ^= touched;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Prepare(Vector3 v, int corner, PreparedFacets into, int misses)
    {
        var hash = VertexIndex.Key(v.X, v.Y, v.Z, out var bx, out var by, out var bz);
        var keys = into.Keys;
        keys[corner * 3] = bx;
        keys[corner * 3 + 1] = by;
        keys[corner * 3 + 2] = bz;
        into.Hashes[corner] = hash;
        if (!_forecast.Hits(hash, bx, by, bz))
        {
            into.Misses[misses++] = corner;
        }

        return misses;
    }

    /// <summary>Counts what the edges show; call once, after the reader has finished.</summary>
    public MeshMetrics Finish()
    {
        var vertices = _vertices.Count;
        var scratch = _vertices.Release();
        var topology = MeshTopology.Count(_corners.AsSpan(0, _cornerCount), vertices, scratch);
        _corners = [];

        var bounds = _triangles == 0 ? BoundingBox.Empty : new BoundingBox(_min, _max);
        return new MeshMetrics(
            _triangles,
            vertices,
            _volume6 / 6.0,
            _area2 / 2.0,
            bounds,
            topology.Shells,
            new MeshHealth(topology.OpenEdges, topology.NonManifoldEdges, _degenerate, topology.InconsistentEdges, _reversedNormals));
    }

    /// <summary>
    /// Running bounds as six scalars: after the first few triangles a point rarely moves them, so plain compares
    /// (well predicted) beat vector min/max, whose NaN and signed-zero rules cost a dozen instructions each.
    /// </summary>
    private struct Bounds(Vector3 min, Vector3 max)
    {
        private float _minX = min.X, _minY = min.Y, _minZ = min.Z, _maxX = max.X, _maxY = max.Y, _maxZ = max.Z;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Include(Vector3 p)
        {
            if (p.X < _minX)
            {
                _minX = p.X;
            }

            if (p.X > _maxX)
            {
                _maxX = p.X;
            }

            if (p.Y < _minY)
            {
                _minY = p.Y;
            }

            if (p.Y > _maxY)
            {
                _maxY = p.Y;
            }

            if (p.Z < _minZ)
            {
                _minZ = p.Z;
            }

            if (p.Z > _maxZ)
            {
                _maxZ = p.Z;
            }
        }

        public readonly (Vector3 Min, Vector3 Max) ToVectors() => (new(_minX, _minY, _minZ), new(_maxX, _maxY, _maxZ));
    }

    // Double precision: a million float products would lose the 0.1 % that matters for pricing. The winding's normal
    // is worked out once here for the area and compared with the stored one, on both reading paths alike.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Accumulate(Vector3 a, Vector3 b, Vector3 c, Vector3 stored, ref double volume6, ref double area2, ref long reversed)
    {
        double ax = a.X, ay = a.Y, az = a.Z, bx = b.X, by = b.Y, bz = b.Z, cx = c.X, cy = c.Y, cz = c.Z;
        volume6 += ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
        double ux = bx - ax, uy = by - ay, uz = bz - az, vx = cx - ax, vy = cy - ay, vz = cz - az;
        double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
        // A single-precision root (about 1e-7 relative error per triangle, far inside what pricing needs) is half the
        // latency of a double one; the products and the sum stay in double.
        double twiceArea = MathF.Sqrt((float)(nx * nx + ny * ny + nz * nz));
        area2 += twiceArea;

        // A zero stored normal ("compute it yourself") or one that is not a finite number (garbage) is no normal.
        if (stored != Vector3.Zero && float.IsFinite(stored.X + stored.Y + stored.Z) && stored.X * nx + stored.Y * ny + stored.Z * nz < 0)
        {
            reversed++;
        }

        return twiceArea;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Connect(int ia, int ib, int ic, double twiceArea)
    {
        var repeated = ia == ib || ib == ic || ia == ic;
        if (repeated || twiceArea == 0)
        {
            _degenerate++;
        }

        if (repeated)
        {
            // admesh removes a facet with a repeated corner before checking edges; so do we, so the edge counts agree.
            // A sliver with three distinct corners in a line stays: it has no area, but its edges close the mesh
            // (CAD exports of gears and threads leave such slivers where a long edge meets several short ones).
            return;
        }

        var corners = _corners;
        var at = _cornerCount;
        if ((uint)(at + 2) >= (uint)corners.Length)
        {
            corners = GrowCorners();
        }

        corners[at] = ia;
        corners[at + 1] = ib;
        corners[at + 2] = ic;
        _cornerCount = at + 3;
    }

    private int[] GrowCorners()
    {
        Array.Resize(ref _corners, (int)Math.Min(Array.MaxLength, _corners.Length * 2L));
        return _corners;
    }

    private static void RequireFinite(Vector3 a, Vector3 b, Vector3 c, long triangle)
    {
        if (!float.IsFinite(a.X) || !float.IsFinite(a.Y) || !float.IsFinite(a.Z) || !float.IsFinite(b.X) || !float.IsFinite(b.Y)
            || !float.IsFinite(b.Z) || !float.IsFinite(c.X) || !float.IsFinite(c.Y) || !float.IsFinite(c.Z))
        {
            throw new ModelFormatException(ModelProblem.InvalidNumber,
                $"Triangle {triangle + 1:N0} has a coordinate that is not a finite number (NaN or infinite).");
        }
    }

    private ModelFormatException TooMany() =>
        new(ModelProblem.TooLarge, $"The model has more than {_maxTriangles:N0} triangles, more than the shop accepts.");
}
