using System.Globalization;

namespace MakerShop.Bench.MakerLive;

/// <summary>CPU time (from /proc/PID/stat) and resident memory (VmRSS) of a process over the measurement window.</summary>
internal sealed class ProcessSampler(int processId)
{
    private readonly List<double> _rssMb = [];
    private double _cpuAtOpen;
    private DateTimeOffset _openedAt;

    public void Open()
    {
        _cpuAtOpen = CpuSeconds();
        _openedAt = DateTimeOffset.UtcNow;
    }

    public void Sample() => _rssMb.Add(RssMb());

    /// <summary>Average CPU over the window as a share of one core (200 % = both cores of this machine), and RSS median/max.</summary>
    public (double CpuPercent, double RssMedianMb, double RssMaxMb) Close()
    {
        var cpu = (CpuSeconds() - _cpuAtOpen) / (DateTimeOffset.UtcNow - _openedAt).TotalSeconds * 100;
        var sorted = _rssMb.Count == 0 ? [RssMb()] : _rssMb.Order().ToArray();
        return (cpu, sorted[sorted.Length / 2], sorted[^1]);
    }

    private double CpuSeconds()
    {
        // Fields 14 and 15 (utime, stime) after the ")" that ends the command name, in clock ticks (100 per second on Linux).
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private double RssMb()
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }
}
