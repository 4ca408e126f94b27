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
    public IReadOnlyList<JobAssignment> Schedule(SchedulingSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var fleet = new FleetIndex(snapshot);
        var assignments = new List<JobAssignment>();
        if (fleet.Free.Count == 0)
        {
            return assignments;
        }

        var queue = UrgencyOrder(snapshot.QueuedJobs);
        var orderMakers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var key in queue)
        {
            if (fleet.Free.Count == 0)
            {
                break;
            }

            var job = snapshot.QueuedJobs[key.Index];
            var placement = new JobPlacement(job, snapshot, fleet, MakersOf(job.OrderId, snapshot, fleet, orderMakers));
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
                makers.Add(maker);
                orderMakers[job.OrderId] = makers;
            }

            var printer = fleet.Printers[chosen.Printer];
            assignments.Add(new JobAssignment(job.Id, printer.Id, reason, chosen.Swap));
        }

        return assignments;
    }

    private static JobUrgency[] UrgencyOrder(IReadOnlyList<PrintJob> jobs)
    {
        var count = 0;
        for (var i = 0; i < jobs.Count; i++)
        {
            if (jobs[i] is { Status: PrintJobStatus.Queued, Held: false })
            {
                count++;
            }
        }

        var keys = new JobUrgency[count];
        count = 0;
        for (var i = 0; i < jobs.Count; i++)
        {
            if (jobs[i] is { Status: PrintJobStatus.Queued, Held: false })
            {
                keys[count++] = new JobUrgency(i, jobs[i]);
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

        makers = [];
        if (snapshot.Orders.TryGetValue(orderId, out var order))
        {
            foreach (var makerId in order.MakerIds)
            {
                if (fleet.MakerIndexOf(makerId) is { } m && !makers.Contains(m))
                {
                    makers.Add(m);
                }
            }
        }

        return makers;
    }
}
