namespace MakerShop.Core;

/// <summary>A maker's pay: a fixed amount per completed job and an amount per hour of the job's estimated print time
/// (estimated, not measured, so a slow printer does not earn more for the same part).</summary>
public sealed record MakerPayRate(Money PerJob, Money PerPrintHour)
{
    public Money For(PrintJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Status != PrintJobStatus.Completed)
        {
            return Money.Zero(PerJob.Currency);
        }

        return PerJob + PerPrintHour.Multiply((decimal)job.EstimatedPrintTime.TotalHours, MidpointRounding.AwayFromZero);
    }

    public Money Total(IEnumerable<PrintJob> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        return jobs.Aggregate(Money.Zero(PerJob.Currency), (sum, job) => sum + For(job));
    }
}
