using System.Numerics;
using System.Runtime.CompilerServices;

namespace MakerShop.Geometry.Meshes;

/// <summary>
/// Gives every distinct vertex (compared bit for bit, as the file stores it) a dense index. Open addressing with the
/// key stored in the slot: each slot is four ints (the three coordinates' bits and index + 1), so a lookup costs one
/// cache line and never a second trip to a separate coordinate array. 16 bytes per slot at a load of at most one half.
/// </summary>
internal sealed class VertexIndex
{
    // A small direct-mapped cache of recently seen vertices in the same layout: meshes come in strips, so most lookups
    // repeat a vertex from a few hundred triangles earlier, and this answers them from L1/L2 instead of a miss in the
    // big table.
    private const int RecentSize = 4096;
    private const int SlotInts = 4;
    private readonly int[] _recent = new int[RecentSize * SlotInts];
    private int[] _slots;
    private int _mask;

    public VertexIndex(int expectedVertices)
    {
        var slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(32, expectedVertices * 2));
        _slots = new int[slots * SlotInts];
        _mask = slots - 1;
    }

    public int Count { get; private set; }

    /// <summary>
    /// Hands over the table's storage once every vertex has its index (the edge pass reuses it rather than asking
    /// for as much again); only <see cref="Count"/> stays valid.
    /// </summary>
    public int[] Release()
    {
        var slots = _slots;
        _slots = [];
        _mask = 0;
        return slots;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetOrAdd(float x, float y, float z)
    {
        var hash = Key(x, y, z, out var bx, out var by, out var bz);
        return GetOrAdd(hash, bx, by, bz);
    }

    /// <summary>The bits a vertex is compared by and their hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key(float x, float y, float z, out int bx, out int by, out int bz)
    {
        // -0 and +0 are the same point; adding +0 turns -0 into +0 so their bits agree.
        bx = (int)BitConverter.SingleToUInt32Bits(x + 0f);
        by = (int)BitConverter.SingleToUInt32Bits(y + 0f);
        bz = (int)BitConverter.SingleToUInt32Bits(z + 0f);
        return Hash(bx, by, bz);
    }

    /// <summary>
    /// Reads the table slots that the listed vertices will be looked up in, before they are looked up: a tight loop
    /// of loads that do not depend on each other, so the processor has many cache misses in flight at once instead of
    /// waiting for each in turn during the lookups. Only vertices the recent cache will not answer are listed (see
    /// <see cref="RecentForecast"/>). The caller keeps the result, so the loads are not optimised away.
    /// </summary>
    public int Touch(ReadOnlySpan<ulong> hashes, ReadOnlySpan<int> which)
    {
        var slots = _slots;
        var mask = _mask;
        var touched = 0;
        foreach (var corner in which)
        {
            touched ^= slots[((int)hashes[corner] & mask) * SlotInts + 3];
        }

        return touched;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetOrAdd(ulong hash, int bx, int by, int bz)
    {
        var recent = _recent;
        var r = RecentSlot(hash);
        if (recent[r] == bx && recent[r + 1] == by && recent[r + 2] == bz && recent[r + 3] != 0)
        {
            return recent[r + 3] - 1;
        }

        var index = Lookup(hash, bx, by, bz);
        recent[r] = bx;
        recent[r + 1] = by;
        recent[r + 2] = bz;
        recent[r + 3] = index + 1;
        return index;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int RecentSlot(ulong hash) => ((int)(hash >> 52) & (RecentSize - 1)) * SlotInts;

    private int Lookup(ulong hash, int bx, int by, int bz)
    {
        var slots = _slots;
        var slot = (int)hash & _mask;
        while (true)
        {
            var s = slot * SlotInts;
            var entry = slots[s + 3];
            if (entry == 0)
            {
                return Insert(s, bx, by, bz);
            }

            if (slots[s] == bx && slots[s + 1] == by && slots[s + 2] == bz)
            {
                return entry - 1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    // Mixes all 96 bits so that neighbouring points (which differ only in low mantissa bits) land far apart.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(int x, int y, int z)
    {
        var h = ((ulong)(uint)x << 32 | (uint)y) * 0x9E3779B97F4A7C15UL;
        h ^= (uint)z * 0xC2B2AE3D27D4EB4FUL;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        return h ^ (h >> 32);
    }

    private int Insert(int s, int bx, int by, int bz)
    {
        var index = Count++;
        var slots = _slots;
        slots[s] = bx;
        slots[s + 1] = by;
        slots[s + 2] = bz;
        slots[s + 3] = index + 1;
        if (Count * 2 > _mask + 1)
        {
            Grow();
        }

        return index;
    }

    private void Grow()
    {
        var old = _slots;
        var slots = new int[old.Length * 2];
        var mask = slots.Length / SlotInts - 1;
        for (var s = 0; s < old.Length; s += SlotInts)
        {
            if (old[s + 3] == 0)
            {
                continue;
            }

            var slot = (int)Hash(old[s], old[s + 1], old[s + 2]) & mask;
            while (slots[slot * SlotInts + 3] != 0)
            {
                slot = (slot + 1) & mask;
            }

            old.AsSpan(s, SlotInts).CopyTo(slots.AsSpan(slot * SlotInts));
        }

        _slots = slots;
        _mask = mask;
    }

    /// <summary>
    /// Replays the recent cache's hits and misses from the keys alone (it depends on nothing else), so the thread
    /// that hashes a chunk can tell the thread that welds it which vertices will need the big table.
    /// </summary>
    internal sealed class RecentForecast
    {
        private readonly int[] _keys = new int[RecentSize * SlotInts];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Hits(ulong hash, int bx, int by, int bz)
        {
            var keys = _keys;
            var r = RecentSlot(hash);
            if (keys[r + 3] != 0 && keys[r] == bx && keys[r + 1] == by && keys[r + 2] == bz)
            {
                return true;
            }

            keys[r] = bx;
            keys[r + 1] = by;
            keys[r + 2] = bz;
            keys[r + 3] = 1;
            return false;
        }
    }
}
