using System.Globalization;

namespace MakerShop.Bench.Soak;

/// <summary>
/// Reads the host's resident memory (VmRSS in /proc/{pid}/status) once a second, whichever host process is current
/// after a restart: the peak, and the value at the end of each simulated day, to show whether memory stays flat.
/// </summary>
public sealed class RssSampler
{
    private readonly Func<int?> _currentPid;
    private readonly List<(TimeSpan At, long Kilobytes)> _samples = [];
    private readonly Lock _gate = new();

    public RssSampler(Func<int?> currentPid) => _currentPid = currentPid;

    public long PeakKilobytes { get; private set; }

    public IReadOnlyList<(TimeSpan At, long Kilobytes)> Samples
    {
        get
        {
            lock (_gate)
            {
                return [.. _samples];
            }
        }
    }

    public async Task RunAsync(Func<TimeSpan> elapsed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(elapsed);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (Read() is { } kb)
                {
                    lock (_gate)
                    {
                        _samples.Add((elapsed(), kb));
                        PeakKilobytes = Math.Max(PeakKilobytes, kb);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>The host's RSS now, in kB; null when no host runs (between a kill and the next start) or not on Linux.</summary>
    public long? Read()
    {
        if (_currentPid() is not { } pid)
        {
            return null;
        }

        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var number = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return long.Parse(number, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
