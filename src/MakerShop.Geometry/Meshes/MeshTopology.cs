using System.Runtime.CompilerServices;

namespace MakerShop.Geometry.Meshes;

/// <summary>
/// What a mesh's connectivity shows, counted once from its flat corner-index array (three vertex indices per
/// triangle): shells by union-find, and open, non-manifold and inconsistently oriented edges by bucketing every edge
/// under its smaller vertex (a counting pass, no sort of the whole edge list). Both only read the corners, so the
/// analyser runs them side by side.
/// </summary>
internal static class MeshTopology
{
    public static int CountShells(ReadOnlySpan<int> corners, List<int>? degenerateCorners, int vertexCount)
    {
        var sets = new DisjointSets(vertexCount);
        for (var t = 0; t + 2 < corners.Length; t += 3)
        {
            sets.Union(corners[t], corners[t + 1]);
            sets.Union(corners[t], corners[t + 2]);
        }

        if (degenerateCorners is { } degenerate)
        {
            for (var t = 0; t + 2 < degenerate.Count; t += 3)
            {
                sets.Union(degenerate[t], degenerate[t + 1]);
                sets.Union(degenerate[t], degenerate[t + 2]);
            }
        }

        return sets.CountRoots();
    }

    public static (long Open, long NonManifold, long Inconsistent) CountEdges(ReadOnlySpan<int> corners, int vertexCount, int[] scratch)
    {
        // Bucket every edge under its smaller vertex: count, prefix-sum, place. Each bucket then holds the few edges
        // that leave one vertex, stored as (larger vertex << 1 | walking direction).
        var start = new int[vertexCount + 1];
        for (var t = 0; t + 2 < corners.Length; t += 3)
        {
            int a = corners[t], b = corners[t + 1], c = corners[t + 2];
            start[Math.Min(a, b)]++;
            start[Math.Min(b, c)]++;
            start[Math.Min(c, a)]++;
        }

        // Running totals: start[v] is now where bucket v ends.
        for (var v = 1; v < vertexCount; v++)
        {
            start[v] += start[v - 1];
        }

        start[vertexCount] = corners.Length;

        // Fill each bucket from its end down, so afterwards start[v] is where it begins and start[v + 1] where it
        // ends. Every one of the first corners.Length entries is written, so leftover contents of scratch do not matter.
        var edges = scratch.Length >= corners.Length ? scratch : new int[corners.Length];
        for (var t = 0; t + 2 < corners.Length; t += 3)
        {
            int a = corners[t], b = corners[t + 1], c = corners[t + 2];
            Place(edges, start, a, b);
            Place(edges, start, b, c);
            Place(edges, start, c, a);
        }

        long open = 0, nonManifold = 0, inconsistent = 0;
        for (var v = 0; v < vertexCount; v++)
        {
            var bucket = edges.AsSpan(start[v], start[v + 1] - start[v]);
            SortSmall(bucket);
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

    // A vertex has a handful of edges: insertion sort beats a general sort's call and setup at that size.
    private static void SortSmall(Span<int> bucket)
    {
        if (bucket.Length > 16)
        {
            bucket.Sort();
            return;
        }

        for (var i = 1; i < bucket.Length; i++)
        {
            var value = bucket[i];
            var j = i - 1;
            for (; j >= 0 && bucket[j] > value; j--)
            {
                bucket[j + 1] = bucket[j];
            }

            bucket[j + 1] = value;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
