using System.Globalization;

namespace MakerShop.Core;

/// <summary>
/// Most urgent job first (express, then earliest ship-by, then longest waiting), each to the first ready
/// printer by id that has its material and colour loaded and room for the part. Simple on purpose: the
/// ordering is what a shop owner would do by hand, so its choices are easy to explain.
/// </summary>
public sealed class FirstFitSchedulingPolicy : ISchedulingPolicy
{
    public IReadOnlyList<JobAssignment> Schedule(IReadOnlyList<PrintJob> queuedJobs, IReadOnlyList<Printer> printers)
    {
        ArgumentNullException.ThrowIfNull(queuedJobs);
        ArgumentNullException.ThrowIfNull(printers);

        var candidates = printers
            .Where(printer => printer.IsReady)
            .OrderBy(printer => printer.Id, StringComparer.Ordinal)
            .ToList();
        var jobs = queuedJobs
            .Where(job => job.Status == PrintJobStatus.Queued)
            .OrderByDescending(job => job.Express)
            .ThenBy(job => job.ShipBy)
            .ThenBy(job => job.QueuedAt)
            .ThenBy(job => job.Id, StringComparer.Ordinal);

        var assignments = new List<JobAssignment>();
        foreach (var job in jobs)
        {
            if (candidates.Count == 0)
            {
                break;
            }

            var index = candidates.FindIndex(printer => Suits(printer, job));
            if (index < 0)
            {
                continue;
            }

            var printer = candidates[index];
            // One job per printer per pass: it is Busy once reserved, and the next pass sees that.
            candidates.RemoveAt(index);
            assignments.Add(new JobAssignment(job.Id, printer.Id, Explain(printer)));
        }

        return assignments;
    }

    private static bool Suits(Printer printer, PrintJob job) =>
        string.Equals(printer.LoadedMaterial, job.Material, StringComparison.OrdinalIgnoreCase)
        && string.Equals(printer.LoadedColour, job.Colour, StringComparison.OrdinalIgnoreCase)
        && job.PartSize.FitsWithin(printer.BuildVolume);

    private static string Explain(Printer printer) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"first ready printer with {printer.LoadedMaterial}/{printer.LoadedColour} loaded and a {printer.BuildVolume} volume");
}
