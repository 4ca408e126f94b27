namespace MakerShop.Core;

/// <summary>
/// Ships on time from a farm spread over several countries. Jobs are taken most urgent first (<see cref="JobUrgency"/>);
/// each goes to the best free printer that meets every hard rule (<see cref="Candidate"/> ranks them). A job with
/// slack to spare waits rather than cross a customs border or swap filament when the fleet could avoid it; as its
/// slack runs out it takes any suitable printer, so waiting never makes it late. One pass costs a sort of the queue
/// plus, per job, a look at the free printers with its filament loaded (and all free printers only when a swap is
/// allowed for it), and it ends as soon as every printer has a job.
/// </summary>
public sealed class ShipOnTimeSchedulingPolicy : ISchedulingPolicy
{
    private static readonly List<int> NoMakers = [];

    public IReadOnlyList<JobAssignment> Schedule(SchedulingSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var fleet = new FleetIndex(snapshot);
        var assignments = new List<JobAssignment>();
        if (fleet.Free.Count == 0)
        {
            return assignments;
        }

        var jobs = snapshot.QueuedJobs;
        var queue = UrgencyOrder(jobs, snapshot.Now);
        var filamentOf = new int[jobs.Count];
        var demand = new int[queue.Length == 0 ? 0 : fleet.FilamentCount + queue.Length];
        foreach (var key in queue)
        {
            filamentOf[key.Index] = fleet.FilamentOf(jobs[key.Index]);
            demand[filamentOf[key.Index]]++;
        }

        // Hours of more urgent work queued for each customs territory and each filament: with the printers that serve
        // them, how long a job would wait for one of those rather than cross a border or swap now.
        var aheadInTerritory = new List<double>();
        var aheadOnFilament = new double[demand.Length];
        var orderMakers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var key in queue)
        {
            if (fleet.Free.Count == 0)
            {
                break;
            }

            var job = jobs[key.Index];
            var filament = filamentOf[key.Index];
            var hours = job.EstimatedPrintTime.TotalHours;
            var territory = snapshot.Orders.TryGetValue(job.OrderId, out var order) ? fleet.TerritoryOf(order.DestinationCountry) : -1;
            var territoryWait = TimeSpan.Zero;
            if (territory >= 0)
            {
                while (aheadInTerritory.Count <= territory)
                {
                    aheadInTerritory.Add(0);
                }

                territoryWait = TimeSpan.FromHours(aheadInTerritory[territory] / Math.Max(1, fleet.WorkingInTerritory(territory)));
                aheadInTerritory[territory] += hours;
            }

            var filamentWait = TimeSpan.FromHours(aheadOnFilament[filament] / Math.Max(1, fleet.LoadedInFleet(filament)));
            aheadOnFilament[filament] += hours;
            if (!snapshot.Settings.AllowSwaps && job.PinnedPrinterId is null && fleet.Bucket(filament).Count == 0)
            {
                // No free printer has its filament and none may be swapped: nothing to weigh.
                continue;
            }

            var placement = new JobPlacement(
                job, snapshot, fleet, MakersOf(job.OrderId, snapshot, fleet, orderMakers), filament, territoryWait, filamentWait, demand);
            if (placement.Choose() is not { } chosen)
            {
                continue;
            }

            // Explained before the pass's own bookkeeping, so the words describe the fleet the choice was made in.
            var reason = placement.Explain(chosen);
            fleet.Take(chosen.Printer);
            var maker = fleet.PrinterMaker[chosen.Printer];
            var makers = placement.OrderMakers;
            if (!makers.Contains(maker))
            {
                orderMakers[job.OrderId] = [.. makers, maker];
            }

            demand[filament]--;
            var printer = fleet.Printers[chosen.Printer];
            assignments.Add(new JobAssignment(job.Id, printer.Id, reason, chosen.Swap));
        }

        return assignments;
    }

    /// <summary>
    /// The queue in the order this policy takes it (the owner's priority, then the deadline rules), held jobs last: what
    /// the owner's queue page shows, so moving a job up there is moving it up here.
    /// </summary>
    public static IReadOnlyList<PrintJob> QueueOrder(IReadOnlyList<PrintJob> jobs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var ordered = UrgencyOrder(jobs, now).Select(key => jobs[key.Index]).ToList();
        ordered.AddRange(jobs.Where(j => j is { Status: PrintJobStatus.Queued, Held: true }).OrderByDescending(j => j.Priority).ThenBy(j => j.QueuedAt).ThenBy(j => j.Id, StringComparer.Ordinal));
        return ordered;
    }

    /// <summary>
    /// For each waiting job of the snapshot, why it waits and until when, judged against the printers free right now as
    /// if it were first in line: what the owner's queue page shows. Costs a look at the free printers per job.
    /// </summary>
    public static IReadOnlyDictionary<string, JobWait> ExplainWaits(SchedulingSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var fleet = new FleetIndex(snapshot);
        var waits = new Dictionary<string, JobWait>(StringComparer.Ordinal);
        foreach (var job in snapshot.QueuedJobs)
        {
            if (job.Status != PrintJobStatus.Queued)
            {
                continue;
            }

            if (job.Held)
            {
                waits[job.Id] = new JobWait(JobWaitReason.Held, job.Material, job.Colour);
                continue;
            }

            var filament = fleet.FilamentOf(job);
            var requirements = fleet.RequirementsOf(filament);
            var canPrintAnywhere = snapshot.Printers.Any(p => p.InService && job.PartSize.FitsWithin(p.BuildVolume)
                && (job.RequiredPrinterModel is not { } model || model.Describes(p.BuildVolume, p.NozzleDiameter))
                && (!requirements.NeedsEnclosure || p.Enclosed) && (!requirements.NeedsHardenedNozzle || p.HardenedNozzle));
            if (!canPrintAnywhere)
            {
                waits[job.Id] = new JobWait(JobWaitReason.NoPrinterCanPrint, job.Material, job.Colour);
                continue;
            }

            var placement = new JobPlacement(job, snapshot, fleet, MakersOf(job.OrderId, snapshot, fleet, new Dictionary<string, List<int>>(StringComparer.Ordinal)), filament, TimeSpan.Zero, TimeSpan.Zero,
                new int[fleet.FilamentCount]);
            waits[job.Id] = placement.ExplainWait();
        }

        return waits;
    }

    IReadOnlyList<PrintJob> ISchedulingPolicy.QueueOrder(IReadOnlyList<PrintJob> jobs, DateTimeOffset now) => QueueOrder(jobs, now);

    private static JobUrgency[] UrgencyOrder(IReadOnlyList<PrintJob> jobs, DateTimeOffset now)
    {
        // An order ships when its last unit is done: one unit that cannot be on time makes the whole order a lost cause.
        HashSet<string>? lostOrders = null;
        var count = 0;
        for (var i = 0; i < jobs.Count; i++)
        {
            if (jobs[i] is { Status: PrintJobStatus.Queued, Held: false })
            {
                count++;
                if (JobUrgency.IsLostCause(jobs[i], now))
                {
                    (lostOrders ??= new HashSet<string>(StringComparer.Ordinal)).Add(jobs[i].OrderId);
                }
            }
        }

        var keys = new JobUrgency[count];
        count = 0;
        for (var i = 0; i < jobs.Count; i++)
        {
            if (jobs[i] is { Status: PrintJobStatus.Queued, Held: false } job)
            {
                var lost = lostOrders is not null && lostOrders.Contains(job.OrderId) && job.ShipBy - job.EstimatedPrintTime >= now - JobUrgency.Grace;
                keys[count++] = new JobUrgency(i, job, lost);
            }
        }

        Array.Sort(keys);
        return keys;
    }

    private static List<int> MakersOf(string orderId, SchedulingSnapshot snapshot, FleetIndex fleet, Dictionary<string, List<int>> touched)
    {
        if (touched.TryGetValue(orderId, out var makers))
        {
            return makers;
        }

        if (!snapshot.Orders.TryGetValue(orderId, out var order) || order.MakerIds.Count == 0)
        {
            // Shared and never changed: an order's list is copied when its first unit is placed.
            return NoMakers;
        }

        makers = [];
        foreach (var makerId in order.MakerIds)
        {
            if (fleet.MakerIndexOf(makerId) is { } m && !makers.Contains(m))
            {
                makers.Add(m);
            }
        }

        touched[orderId] = makers;
        return makers;
    }
}
