using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MakerShop.Bench.Scheduling;
using MakerShop.Bench.Scheduling.Simulation;

// simulate: the month-long farm simulation, policy vs FIFO. bench: BenchmarkDotNet over one scheduling pass.
// window: one dispatch pass (snapshot read and plan) on a real SQLite queue, whole queue against the bounded window.
if (args.Length > 0 && args[0] == "bench")
{
    // In-process: no per-benchmark project build, which on a small shared machine costs more than the measuring.
    var config = DefaultConfig.Instance
        .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(20))
        .AddColumn(StatisticColumn.Median, StatisticColumn.P95);
    BenchmarkRunner.Run<SchedulingPassBenchmarks>(config, args[1..]);
    return 0;
}

if (args.Length > 0 && args[0] == "window")
{
    return await MakerShop.Bench.Scheduling.DispatchWindow.DispatchPassTiming.RunAsync(args[1..]);
}

return SimulationRunner.Run(args.Length > 0 && args[0] == "simulate" ? args[1..] : args);
