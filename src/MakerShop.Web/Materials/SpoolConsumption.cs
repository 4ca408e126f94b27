using System.Collections.Concurrent;
using MakerShop.Core;
using MakerShop.Geometry.Gcode;
using MakerShop.Storage;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Materials;

/// <summary>
/// Takes a completed job's filament off the spool loaded on its printer, once per job, in the transaction that records
/// the completion. The grams are the job's own G-code's: measured at upload or by the quote's slicer when known, else
/// by our G-code analyser (once per file). A printer with no spool recorded on it is logged, never an error.
/// </summary>
public sealed class SpoolConsumption(DataPaths paths, ILogger<SpoolConsumption> logger)
{
    private readonly ConcurrentDictionary<string, double> _analysed = new(StringComparer.Ordinal);

    public async Task TakeDownAsync(DbSession session, PrintJob job, string printerId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (await SpoolStore.HasUsageAsync(session, job.Id, cancellationToken))
        {
            return;
        }

        var grams = await GramsAsync(session, job, cancellationToken);
        var spool = await SpoolStore.FindOnPrinterAsync(session, printerId, cancellationToken);
        if (spool is null)
        {
            await SpoolStore.TryRecordUsageAsync(session, job.Id, null, printerId, grams, grams, at, cancellationToken);
            logger.LogInformation("Job {JobId} used {Grams} g on {PrinterId}, which has no spool recorded", job.Id, grams, printerId);
            return;
        }

        var shortfall = spool.Consume(grams, at);
        await SpoolStore.UpdateAsync(session, spool, cancellationToken);
        await SpoolStore.TryRecordUsageAsync(session, job.Id, spool.Id, printerId, grams, shortfall, at, cancellationToken);
        if (shortfall > 0)
        {
            logger.LogWarning("Spool {SpoolId} on {PrinterId} ran {Shortfall} g short of job {JobId}'s {Grams} g; weigh it", spool.Id, printerId, shortfall, job.Id, grams);
        }
    }

    private async Task<double> GramsAsync(DbSession session, PrintJob job, CancellationToken cancellationToken)
    {
        if (await SpoolStore.KnownFilamentGramsAsync(session, job.GcodeSha256, cancellationToken) is { } known)
        {
            return Math.Round(known, 2);
        }

        return _analysed.GetOrAdd(job.GcodeSha256, _ =>
        {
            var file = Path.Combine(paths.DataDirectory, job.GcodePath);
            return File.Exists(file) ? Math.Round(GcodeAnalyzer.Analyze(file).FilamentGrams, 2) : 0;
        });
    }
}
