using System.Globalization;
using System.Text;

namespace MakerShop.Bench.Scheduling.Simulation;

/// <summary>The side-by-side table of the policy and the FIFO baseline, as Markdown.</summary>
public static class ResultTable
{
    public static string Render(IReadOnlyList<SimulationResult> results)
    {
        var rows = new (string Name, Func<SimulationResult, string> Value)[]
        {
            ("on-time rate", r => Pct(r.OnTimeRate)),
            ("mean lateness (h)", r => Num(r.MeanLatenessHours)),
            ("p95 lateness (h)", r => Num(r.P95LatenessHours)),
            ("makespan (days)", r => Num(r.MakespanDays)),
            ("printer utilisation", r => Pct(r.Utilisation)),
            ("filament swaps", r => r.FilamentSwaps.ToString(CultureInfo.InvariantCulture)),
            ("parcels", r => r.Parcels.ToString(CultureInfo.InvariantCulture)),
            ("parcels crossing a customs border", r => Pct(r.CrossBorderShare)),
            ("shipping cost (EUR)", r => r.ShippingCostEur.ToString("N2", CultureInfo.InvariantCulture)),
            ("failed attempts (requeued)", r => r.FailedAttempts.ToString(CultureInfo.InvariantCulture)),
            ("printer outages", r => r.Outages.ToString(CultureInfo.InvariantCulture)),
            ("dispatch passes", r => r.DispatchPasses.ToString(CultureInfo.InvariantCulture)),
            ("wall time (s)", r => Num(r.WallTime.TotalSeconds)),
        };
        var sb = new StringBuilder();
        sb.Append("| metric |");
        foreach (var r in results)
        {
            sb.Append(CultureInfo.InvariantCulture, $" {r.Policy} (seed {r.Seed}) |");
        }

        sb.AppendLine().Append("|---|").Append(string.Concat(Enumerable.Repeat("---|", results.Count))).AppendLine();
        foreach (var (name, value) in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {name} |");
            foreach (var r in results)
            {
                sb.Append(CultureInfo.InvariantCulture, $" {value(r)} |");
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    private static string Pct(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Num(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
