using System.Numerics;
using System.Runtime.CompilerServices;

namespace MakerShop.Geometry.Meshes;

/// <summary>
/// Gives every distinct vertex (compared bit for bit, as the file stores it) a dense index. Open addressing over
/// flat arrays: about 20 bytes per distinct vertex and no object per vertex, so a million triangles stay cheap.
/// </summary>
internal sealed class VertexIndex
{
    // A small direct-mapped cache of recently seen vertices: meshes come in strips, so most lookups repeat a vertex
    // from a few hundred triangles earlier, and this answers them from L1/L2 instead of a miss in the big table.
    private const int RecentSize = 4096;
    private readonly ulong[] _recentHash = new ulong[RecentSize];
    private readonly int[] _recentIndex = new int[RecentSize];
    private float[] _coordinates;
    private int[] _slots;
    private int _mask;

    public VertexIndex(int expectedVertices)
    {
        var capacity = Math.Max(16, expectedVertices);
        _coordinates = new float[capacity * 3];
        var slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(32, capacity * 2));
        _slots = new int[slots];
        _mask = slots - 1;
    }

    public int Count { get; private set; }

    /// <summary>Drops the table once every vertex has its index; only <see cref="Count"/> stays valid.</summary>
    public void Release()
    {
        _coordinates = [];
        _slots = [];
        _mask = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetOrAdd(Vector3 v)
    {
        // -0 and +0 are the same point; normalise so their bits agree.
        var x = v.X + 0f;
        var y = v.Y + 0f;
        var z = v.Z + 0f;
        var hash = Hash(x, y, z);
        // The low bit is forced on so that an empty cache entry (0) never matches.
        var tag = hash | 1;
        var recent = (int)(hash >> 52) & (RecentSize - 1);
        var coordinates = _coordinates;
        if (_recentHash[recent] == tag)
        {
            var r = _recentIndex[recent] * 3;
            if (coordinates[r] == x && coordinates[r + 1] == y && coordinates[r + 2] == z)
            {
                return _recentIndex[recent];
            }
        }

        var index = Lookup(hash, x, y, z);
        _recentHash[recent] = tag;
        _recentIndex[recent] = index;
        return index;
    }

    private int Lookup(ulong hash, float x, float y, float z)
    {
        var slot = (int)hash & _mask;
        var coordinates = _coordinates;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return Insert(slot, x, y, z);
            }

            var i = (entry - 1) * 3;
            if (coordinates[i] == x && coordinates[i + 1] == y && coordinates[i + 2] == z)
            {
                return entry - 1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    // Mixes all 96 bits so that neighbouring points (which differ only in low mantissa bits) land far apart.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(float x, float y, float z)
    {
        var h = ((ulong)BitConverter.SingleToUInt32Bits(x) << 32 | BitConverter.SingleToUInt32Bits(y)) * 0x9E3779B97F4A7C15UL;
        h ^= BitConverter.SingleToUInt32Bits(z) * 0xC2B2AE3D27D4EB4FUL;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        return h ^ (h >> 32);
    }

    private int Insert(int slot, float x, float y, float z)
    {
        var index = Count++;
        if (index * 3 + 3 > _coordinates.Length)
        {
            Array.Resize(ref _coordinates, _coordinates.Length * 2);
        }

        _coordinates[index * 3] = x;
        _coordinates[index * 3 + 1] = y;
        _coordinates[index * 3 + 2] = z;
        _slots[slot] = index + 1;
        if (Count * 2 > _slots.Length)
        {
            Grow();
        }

        return index;
    }

    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        var mask = slots.Length - 1;
        for (var index = 0; index < Count; index++)
        {
            var slot = (int)Hash(_coordinates[index * 3], _coordinates[index * 3 + 1], _coordinates[index * 3 + 2]) & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = index + 1;
        }

        _slots = slots;
        _mask = mask;
    }
}
