namespace MakerShop.Geometry.Meshes;

/// <summary>Union-find over vertex indices, for counting shells (groups of triangles joined by shared vertices).</summary>
internal sealed class DisjointSets
{
    private int[] _parent;

    public DisjointSets(int capacity) => _parent = new int[Math.Max(16, capacity)];

    public int Count { get; private set; }

    public void EnsureCount(int count)
    {
        if (count > _parent.Length)
        {
            Array.Resize(ref _parent, Math.Max(count, _parent.Length * 2));
        }

        for (; Count < count; Count++)
        {
            _parent[Count] = Count;
        }
    }

    public void Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra != rb)
        {
            // Attach the larger index under the smaller: no rank array needed and paths stay short with halving.
            if (ra < rb)
            {
                _parent[rb] = ra;
            }
            else
            {
                _parent[ra] = rb;
            }
        }
    }

    public int CountRoots()
    {
        var roots = 0;
        for (var i = 0; i < Count; i++)
        {
            if (Find(i) == i)
            {
                roots++;
            }
        }

        return roots;
    }

    private int Find(int x)
    {
        var parent = _parent;
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }
}
