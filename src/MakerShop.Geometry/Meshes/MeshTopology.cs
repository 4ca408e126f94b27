namespace MakerShop.Geometry.Meshes;

/// <summary>
/// What a mesh's connectivity shows, counted once from its flat corner-index array (three vertex indices per
/// triangle): open, non-manifold and inconsistently oriented edges by bucketing every edge under its smaller vertex (a
/// counting pass, no sort of the whole edge list), and shells by joining the triangles that share an edge, as admesh
/// and PrusaSlicer count parts: two parts that only touch at a point are two shells.
/// </summary>
internal static class MeshTopology
{
    public static MeshTopologyCounts Count(ReadOnlySpan<int> corners, int vertexCount, int[] scratch)
    {
        // Bucket every edge under its smaller vertex: count, prefix-sum, place. An edge is named by the corner it
        // starts from (triangle = corner / 3), so its triangle is known when edges are matched.
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
            edges[--start[Math.Min(a, b)]] = t;
            edges[--start[Math.Min(b, c)]] = t + 1;
            edges[--start[Math.Min(c, a)]] = t + 2;
        }

        var triangles = new DisjointSets(corners.Length / 3);
        long open = 0, nonManifold = 0, inconsistent = 0;
        var keyed = new long[16];
        for (var v = 0; v < vertexCount; v++)
        {
            var bucket = edges.AsSpan(start[v], start[v + 1] - start[v]);
            if (bucket.Length > keyed.Length)
            {
                keyed = new long[Math.Max(bucket.Length, keyed.Length * 2)];
            }

            // Sort key: the far vertex and the walking direction above, the starting corner below.
            var sorted = keyed.AsSpan(0, bucket.Length);
            for (var i = 0; i < bucket.Length; i++)
            {
                var corner = bucket[i];
                int from = corners[corner], to = corners[corner % 3 == 2 ? corner - 2 : corner + 1];
                var key = from < to ? (long)to << 1 : ((long)from << 1) | 1;
                sorted[i] = (key << 32) | (uint)corner;
            }

            SortSmall(sorted);
            var at = 0;
            while (at < sorted.Length)
            {
                var other = sorted[at] >> 33;
                var firstTriangle = (int)(uint)sorted[at] / 3;
                var count = 1;
                var forward = (int)(sorted[at] >> 32) & 1;
                for (at++; at < sorted.Length && sorted[at] >> 33 == other; at++)
                {
                    count++;
                    forward += (int)(sorted[at] >> 32) & 1;
                    triangles.Union(firstTriangle, (int)(uint)sorted[at] / 3);
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

        return new MeshTopologyCounts(triangles.CountRoots(), open, nonManifold, inconsistent);
    }

    // A vertex has a handful of edges: insertion sort beats a general sort's call and setup at that size.
    private static void SortSmall(Span<long> bucket)
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
}
