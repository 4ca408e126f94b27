using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MakerShop.Bench.Storefront;

/// <summary>The two peers of this bench: wrk for throughput and tail latency, curl for time to first byte.</summary>
internal static partial class ExternalTools
{
    public sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors);

    public static async Task<WrkResult> WrkAsync(Uri url, int threads, int connections, int seconds, CancellationToken cancellationToken)
    {
        var output = await RunAsync("wrk", ["-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency", url.ToString()], cancellationToken);
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var p50 = Milliseconds(Percentile().Matches(output).First(m => m.Groups[1].Value == "50"));
        var p99 = Milliseconds(Percentile().Matches(output).First(m => m.Groups[1].Value == "99"));
        var requests = long.Parse(RequestCount().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = NonSuccess().Match(output) is { Success: true } m2 ? long.Parse(m2.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new WrkResult(rps, p50, p99, requests, non2xx);
    }

    /// <summary>Time to first byte as curl measures it (time_starttransfer), in milliseconds.</summary>
    public static async Task<double> TimeToFirstByteMsAsync(Uri url, CancellationToken cancellationToken)
    {
        var output = await RunAsync("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code} %{time_starttransfer}", url.ToString()], cancellationToken);
        var parts = output.Trim().Split(' ');
        if (parts[0] != "200")
        {
            throw new InvalidOperationException($"curl got HTTP {parts[0]} from {url}");
        }

        return double.Parse(parts[1], CultureInfo.InvariantCulture) * 1000;
    }

    private static double Milliseconds(Match match)
    {
        var value = double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return match.Groups[3].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            _ => throw new FormatException($"Unknown wrk unit '{match.Groups[3].Value}'."),
        };
    }

    private static async Task<string> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (apt-get install -y {tool}).");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {error}");
        }

        return output;
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentile();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestCount();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();
}
