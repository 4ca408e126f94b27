namespace MakerShop.Geometry.Meshes;

/// <summary>
/// One chunk of binary STL facets after the first half of the work (measuring, hashing), waiting for the second
/// (welding, see <see cref="MeshAnalyzer.ConnectFacets"/>): per vertex the bits it is compared by and their hash, per
/// triangle twice its area. Reused from chunk to chunk.
/// </summary>
internal sealed class PreparedFacets(int capacity)
{
    public int Capacity { get; } = capacity;

    public int Count { get; set; }

    public int[] Keys { get; } = new int[capacity * 9];

    public ulong[] Hashes { get; } = new ulong[capacity * 3];

    public double[] TwiceAreas { get; } = new double[capacity];

    /// <summary>Positions (in <see cref="Hashes"/>) of the vertices the recent cache will not answer, in order.</summary>
    public int[] Misses { get; } = new int[capacity * 3];

    public int MissCount { get; set; }
}
