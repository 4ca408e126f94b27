using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace MakerShop.Bench.Soak;

/// <summary>The soak's report: a text table for the console (and docs/benchmarks.md) and an optional JSON file.</summary>
public static class SoakReport
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Format(SoakResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var o = r.Options;
        var d = r.Outcome;
        var sb = new StringBuilder();
        void Line(string name, string value) => sb.AppendLine(CultureInfo.InvariantCulture, $"  {name,-28}{value}");
        static string Mb(long? kb) => kb is { } v ? (v / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " MB" : "-";
        var ic = CultureInfo.InvariantCulture;
        sb.AppendLine("Accelerated soak (bench/MakerShop.Bench.Soak)");
        Line("machine", $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
        Line("fleet", string.Create(ic, $"{o.Printers} virtual Marlin printers + firmware-bridges, {o.CorruptSerialLineShare:P0} of G-code lines rejected as corrupted"));
        Line("simulated", string.Create(ic, $"{o.SimulatedDays} day(s) at x{o.TimeScale:0} ({r.ArrivalWall.TotalSeconds:0} s of arrivals, {r.DrainWall.TotalSeconds:0} s drain, {r.TotalWall.TotalSeconds:0} s total)"));
        Line("order requests", string.Create(ic, $"{r.OrderRequests} ({r.CorruptRequests} corrupted: {string.Join(", ", r.CorruptOutcomes.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}: {k.Value}"))})"));
        Line("orders accepted", string.Create(ic, $"{d.OrdersAccepted} ({d.Units} units); client retries {r.Retries}, unanswered {r.Unanswered}, good orders refused {r.GoodRefused}"));
        Line("restarts", string.Create(ic, $"host {r.HostRestarts} (kill -9), broker {r.BrokerRestarts} (kill -9), bridge {r.BridgeRestarts}"));
        Line("printed exactly once", string.Create(ic, $"{d.UnitsPrintedOnce} units"));
        Line("failed with a reason", string.Create(ic, $"{d.UnitsFailedWithReason} units"));
        Line("lost", string.Create(ic, $"{r.Lost} (units {d.Lost}, orders not stored {d.OrdersMissing}, unanswered {r.Unanswered})"));
        Line("duplicates", string.Create(ic, $"{r.Duplicates} (extra completed prints {d.Duplicates}, stray orders {d.StrayOrders})"));
        Line("corrupted stored", d.CorruptStored.ToString(ic));
        Line("stuck jobs", string.Create(ic, $"{d.StuckJobs} on printers, {d.QueuedJobs} still queued{(r.Drained ? string.Empty : " (drain timed out)")}"));
        Line("print attempts", string.Create(ic, $"{d.PrintAttempts} ({d.FailedAttempts} failed and retried or given up)"));
        Line("orders by status", string.Join(", ", d.OrdersByStatus.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}")));
        Line("orders unfinished", d.OrdersUnfinished.ToString(ic));
        Line("host RSS peak", Mb(r.PeakRssKilobytes));
        Line("host RSS at day ends", string.Join(", ", r.DayEnds.Select(e => $"d{e.Day} {Mb(e.RssKilobytes)}{(e.HostRestartsSoFar > 0 ? $" (r{e.HostRestartsSoFar})" : string.Empty)}")));
        Line("host RSS after drain", Mb(r.RssAfterDrainKilobytes));
        foreach (var (reason, count) in d.FailureReasons)
        {
            Line("failed attempt reason", string.Create(ic, $"{count} x {reason}"));
        }

        foreach (var problem in r.Problems.Take(10))
        {
            Line("problem", problem);
        }

        return sb.ToString();
    }

    public static async Task WriteJsonAsync(string path, SoakResult result, CancellationToken ct)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await using var stream = File.Create(full);
        await JsonSerializer.SerializeAsync(stream, new { benchmark = "soak", timestampUtc = DateTimeOffset.UtcNow, result, lost = result.Lost, duplicates = result.Duplicates }, Indented, ct);
    }
}
