using BenchmarkDotNet.Attributes;
using MakerShop.Core;

namespace MakerShop.Bench.Scheduling;

/// <summary>One scheduling pass over 10,000 queued jobs and 1,000 idle printers; FIFO is the peer measured in the same run.</summary>
[MemoryDiagnoser]
public class SchedulingPassBenchmarks
{
    private readonly ShipOnTimeSchedulingPolicy _shipOnTime = new();
    private readonly FifoSchedulingPolicy _fifo = new();
    private SchedulingSnapshot _snapshot = null!;

    [Params(false, true)]
    public bool AllowSwaps { get; set; }

    [GlobalSetup]
    public void Setup() => _snapshot = LargeQueue.Create(jobs: 10_000, printers: 1_000, AllowSwaps);

    [Benchmark]
    public int ShipOnTime() => _shipOnTime.Schedule(_snapshot).Count;

    [Benchmark(Baseline = true)]
    public int Fifo() => _fifo.Schedule(_snapshot).Count;
}
