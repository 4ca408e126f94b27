using System.Runtime.InteropServices;

namespace MakerShop.Bench.Fuzz;

/// <summary>
/// SharpFuzz's edge map, read in-process. An assembly instrumented with the SharpFuzz command-line tool counts each
/// branch it takes into SharpFuzz.Common.Trace.SharedMem (64 KB, AFL's layout); we give it our own buffer, clear it
/// before an input and look for bytes never seen set before after it. An input that lights a new edge joins the corpus.
/// Without instrumentation the map stays empty and the run is coverage-less.
/// </summary>
internal sealed unsafe class CoverageMap : IDisposable
{
    private const int Size = 1 << 16;
    private readonly byte* _map;
    private readonly bool[] _seen = new bool[Size];

    public CoverageMap()
    {
        _map = (byte*)NativeMemory.AllocZeroed(Size);
        SharpFuzz.Common.Trace.SharedMem = _map;
    }

    public int Edges { get; private set; }

    public void Reset()
    {
        new Span<byte>(_map, Size).Clear();
        SharpFuzz.Common.Trace.PrevLocation = 0;
    }

    /// <summary>Counts edges this input took that no earlier input did.</summary>
    public int TakeNew()
    {
        var map = new ReadOnlySpan<byte>(_map, Size);
        var fresh = 0;
        var index = map.IndexOfAnyExcept((byte)0);
        while (index >= 0)
        {
            if (!_seen[index])
            {
                _seen[index] = true;
                fresh++;
            }

            var next = map[(index + 1)..].IndexOfAnyExcept((byte)0);
            index = next < 0 ? -1 : index + 1 + next;
        }

        Edges += fresh;
        return fresh;
    }

    public void Dispose()
    {
        SharpFuzz.Common.Trace.SharedMem = null;
        NativeMemory.Free(_map);
    }
}
