using System.Diagnostics;
using System.Globalization;
using MakerShop.Bench.Geometry;
using MakerShop.Geometry;

// bench/MakerShop.Bench.Geometry (JIT-compiled, as the library runs inside the web host; the whole-process comparison
// with admesh and the model generator are in bench/MakerShop.Bench.GeometryCli, compiled ahead of time)
//   measure <model>                        reads and measures one model, prints the metrics, the read time and peak memory
//   quote <model> [runs]                   runs the real host and times POST /api/quotes: a cold slice, then cached repeats
var command = args.Length > 0 ? args[0] : "";
switch (command)
{
    case "measure":
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var report = ModelReader.Read(args[1]);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var bytes = new FileInfo(args[1]).Length;
        var m = report.Metrics;
        Console.WriteLine(FormattableString.Invariant(
            $"{report.Format}: {m.Triangles:N0} triangles, {m.Vertices:N0} vertices, volume {m.Volume:F3} mm³, area {m.SurfaceArea:F3} mm², {m.Bounds}, shells {m.Shells}, open {m.Health.OpenEdges}, non-manifold {m.Health.NonManifoldEdges}, inconsistent {m.Health.InconsistentlyOrientedEdges}"));
        Console.WriteLine(FormattableString.Invariant(
            $"read+measure {elapsed.TotalMilliseconds:F0} ms wall, {cpu.TotalMilliseconds:F0} ms CPU = {bytes / 1e6 / cpu.TotalSeconds:F0} MB/s of CPU; peak RSS {PeakRss() / 1e6:F1} MB = {PeakRss() / (double)bytes:F2}× the file; managed allocated {GC.GetTotalAllocatedBytes() / 1e6:F1} MB"));
        return 0;
    }

    case "quote":
        return await QuoteTiming.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5);

    default:
        Console.Error.WriteLine("usage: measure <model> | quote <model> [runs]");
        return 2;
}

// VmHWM: the process's peak resident set, as the kernel counts it.
static long PeakRss()
{
    foreach (var line in File.ReadLines("/proc/self/status"))
    {
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
        {
            return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
    }

    return 0;
}
