using System.Diagnostics;
using System.Globalization;

namespace MakerShop.Bench.GeometryCli;

/// <summary>
/// Times whole processes as a user would run them: wall time, CPU time and peak resident set (the kernel's maximum
/// RSS, from /usr/bin/time; wall time around it), ours and the peer's alternately on the same file so both see the same machine load.
/// </summary>
public static class WholeProcessRun
{
    private sealed record Sample(double Wall, double Cpu, long PeakBytes);

    public static int Compare(string model, int runs, string peer)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no path for this executable");
        var bytes = new FileInfo(model).Length;

        // One untimed run of each first: the file in the page cache, both executables loaded once.
        Run(self, ["measure", model]);
        Run(peer, [model]);
        var ours = new List<Sample>();
        var theirs = new List<Sample>();
        for (var i = 0; i < runs; i++)
        {
            ours.Add(Run(self, ["measure", model]));
            theirs.Add(Run(peer, [model]));
        }

        var wallRatios = ours.Zip(theirs, (a, b) => a.Wall / b.Wall).ToList();
        var cpuRatios = ours.Zip(theirs, (a, b) => a.Cpu / b.Cpu).ToList();
        Console.WriteLine(FormattableString.Invariant($"{Path.GetFileName(model)}, {bytes:N0} bytes, {runs} runs each, alternating; median (min-max)"));
        Console.WriteLine(FormattableString.Invariant($"| | MakerShop.Geometry (A) | {peer} (B) | A/B |"));
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine(FormattableString.Invariant(
            $"| wall seconds | {Spread(ours.Select(s => s.Wall), "F3")} | {Spread(theirs.Select(s => s.Wall), "F3")} | {Spread(wallRatios, "F2")} |"));
        Console.WriteLine(FormattableString.Invariant(
            $"| CPU seconds (user + sys) | {Spread(ours.Select(s => s.Cpu), "F3")} | {Spread(theirs.Select(s => s.Cpu), "F3")} | {Spread(cpuRatios, "F2")} |"));
        var ourPeak = Median(ours.Select(s => (double)s.PeakBytes));
        var theirPeak = Median(theirs.Select(s => (double)s.PeakBytes));
        Console.WriteLine(FormattableString.Invariant(
            $"| peak RSS | {ourPeak / 1048576:F1} MiB = {ourPeak / bytes:F2} × the file | {theirPeak / 1048576:F1} MiB = {theirPeak / bytes:F2} × the file | {ourPeak / theirPeak:F2} |"));
        Console.WriteLine(FormattableString.Invariant(
            $"speed: {peer} takes {1 / Median(wallRatios):F2} × our wall time and {1 / Median(cpuRatios):F2} × our CPU time (medians of the per-pair ratios)"));
        return 0;
    }

    /// <summary>VmHWM: the process's peak resident set, as the kernel counts it.</summary>
    public static long PeakRssOfThisProcess()
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

    private static Sample Run(string executable, string[] arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-f", "@@ %e %U %S %M", executable, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        // Wall time from here (10 ms resolution from /usr/bin/time is too coarse); CPU and peak RSS from the kernel.
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /usr/bin/time");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        _ = output.Result;
        var line = errors.Split('\n').LastOrDefault(l => l.StartsWith("@@ ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{executable} printed no timing: {errors}");
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} failed ({process.ExitCode}): {errors}");
        }

        var f = line[3..].Split(' ');
        double Parse(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        return new Sample(wall, Parse(1) + Parse(2), (long)Parse(3) * 1024);
    }

    private static string Spread(IEnumerable<double> values, string format)
    {
        var sorted = values.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{Median(sorted).ToString(format, CultureInfo.InvariantCulture)} ({sorted[0].ToString(format, CultureInfo.InvariantCulture)}-{sorted[^1].ToString(format, CultureInfo.InvariantCulture)})");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
