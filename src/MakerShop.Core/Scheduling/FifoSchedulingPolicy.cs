namespace MakerShop.Core;

/// <summary>
/// What most farm managers do by hand, kept as the baseline the simulation measures against: the oldest queued job
/// (after any the owner moved up) goes to the first free printer (by id) that meets the hard rules, preferring one with its filament loaded and
/// swapping filament on the first suitable one otherwise (when swaps are allowed). No deadlines, no geography.
/// </summary>
public sealed class FifoSchedulingPolicy : ISchedulingPolicy
{
    public IReadOnlyList<JobAssignment> Schedule(SchedulingSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var fleet = new FleetIndex(snapshot);
        var assignments = new List<JobAssignment>();
        var queue = InOrder(snapshot.QueuedJobs.Where(j => j is { Status: PrintJobStatus.Queued, Held: false }));
        foreach (var job in queue)
        {
            if (fleet.Free.Count == 0)
            {
                break;
            }

            var filament = fleet.FilamentOf(job);
            var requirements = fleet.RequirementsOf(filament);
            int? chosen;
            bool swap;
            if (job.PinnedPrinterId is { } pinned)
            {
                chosen = fleet.PrinterIndexOf(pinned) is { } p && fleet.Free.Contains(p) && fleet.CanPrint(p, job, requirements) ? p : null;
                swap = chosen is { } c && fleet.PrinterFilament[c] != filament;
                if (swap && !snapshot.Settings.AllowSwaps)
                {
                    chosen = null;
                }
            }
            else
            {
                chosen = FirstSuitable(fleet, fleet.Bucket(filament), job, requirements);
                swap = false;
                if (chosen is null && snapshot.Settings.AllowSwaps)
                {
                    chosen = FirstSuitable(fleet, fleet.Free, job, requirements);
                    swap = chosen is not null;
                }
            }

            if (chosen is not { } printer)
            {
                continue;
            }

            fleet.Take(printer);
            var reason = swap
                ? $"oldest queued job first, to the first free printer ({fleet.Printers[printer].Id}) after a filament swap to {job.Material}/{job.Colour}"
                : $"oldest queued job first, to the first free printer ({fleet.Printers[printer].Id}) with {job.Material}/{job.Colour} loaded";
            assignments.Add(new JobAssignment(job.Id, fleet.Printers[printer].Id, reason, swap));
        }

        return assignments;
    }

    public IReadOnlyList<PrintJob> QueueOrder(IReadOnlyList<PrintJob> jobs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        return [.. InOrder(jobs.Where(j => j is { Status: PrintJobStatus.Queued, Held: false })),
            .. InOrder(jobs.Where(j => j is { Status: PrintJobStatus.Queued, Held: true }))];
    }

    private static IOrderedEnumerable<PrintJob> InOrder(IEnumerable<PrintJob> jobs) =>
        jobs.OrderByDescending(j => j.Priority).ThenBy(j => j.QueuedAt).ThenBy(j => j.Id, StringComparer.Ordinal);

    private static int? FirstSuitable(FleetIndex fleet, FreePrinterSet printers, PrintJob job, MaterialRequirements requirements)
    {
        int? first = null;
        for (var i = 0; i < printers.Count; i++)
        {
            var p = printers[i];
            if ((first is null || p < first) && fleet.CanPrint(p, job, requirements))
            {
                first = p;
            }
        }

        return first;
    }
}
