namespace MakerShop.Geometry.Meshes;

/// <summary>Union-find over triangle indices, for counting shells (groups of triangles joined by shared edges).</summary>
internal sealed class DisjointSets
{
    private readonly int[] _parent;

    public DisjointSets(int count)
    {
        _parent = new int[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
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
        // A root is its own parent; every other element points elsewhere, whatever path halving left behind.
        var roots = 0;
        for (var i = 0; i < _parent.Length; i++)
        {
            if (_parent[i] == i)
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
