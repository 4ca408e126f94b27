using System.Diagnostics;
using System.Globalization;
using MakerShop.Bench.GeometryCli;
using MakerShop.Geometry;

// bench/MakerShop.Bench.GeometryCli (published ahead of time: dotnet publish -c Release -o <dir>)
//   generate <out.stl> [around] [along]  writes a torus STL of 2·around·along triangles (default 1000 × 500 = 1,000,000)
//   measure <model>                       reads and measures one model, prints the metrics, the read time and peak memory
//   compare <model> [runs] [peer]         runs `measure` (this executable) and the peer (default admesh) alternately as
//                                         whole processes under /usr/bin/time; prints medians and our/peer ratios
var command = args.Length > 0 ? args[0] : "";
switch (command)
{
    case "generate" when args.Length > 1:
    {
        var around = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
        var along = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 500;
        var size = TorusStl.Write(args[1], around, along);
        Console.WriteLine(FormattableString.Invariant($"wrote {args[1]}: {2L * around * along:N0} triangles, {size:N0} bytes"));
        return 0;
    }

    case "measure" when args.Length > 1:
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var report = ModelReader.Read(args[1]);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var bytes = new FileInfo(args[1]).Length;
        var m = report.Metrics;
        var peak = WholeProcessRun.PeakRssOfThisProcess();
        Console.WriteLine(FormattableString.Invariant(
            $"{report.Format}: {m.Triangles:N0} triangles, {m.Vertices:N0} vertices, volume {m.Volume:F3} mm³, area {m.SurfaceArea:F3} mm², {m.Bounds}, shells {m.Shells}, open {m.Health.OpenEdges}, non-manifold {m.Health.NonManifoldEdges}, degenerate {m.Health.DegenerateTriangles}, inconsistent {m.Health.InconsistentlyOrientedEdges}"));
        Console.WriteLine(FormattableString.Invariant(
            $"read+measure {elapsed.TotalMilliseconds:F0} ms wall = {bytes / 1e6 / elapsed.TotalSeconds:F0} MB/s, {cpu.TotalMilliseconds:F0} ms CPU; peak RSS {peak / 1e6:F1} MB = {peak / (double)bytes:F2}× the file"));
        return 0;
    }

    case "compare" when args.Length > 1:
    {
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 7;
        var peer = args.Length > 3 ? args[3] : "admesh";
        return WholeProcessRun.Compare(args[1], runs, peer);
    }

    default:
        Console.Error.WriteLine("usage: generate <out.stl> [around] [along] | measure <model> | compare <model> [runs] [peer]");
        return 2;
}
