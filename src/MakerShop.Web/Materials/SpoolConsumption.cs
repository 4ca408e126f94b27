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

    /// <summary>
    /// Takes down <paramref name="fractionPrinted"/> of the job's filament (1 for a completed job, the reported progress
    /// for one that failed or was stopped mid-print). Once per job; a job whose grams cannot be known records nothing
    /// rather than a false 0 g.
    /// </summary>
    public async Task TakeDownAsync(DbSession session, PrintJob job, string printerId, double fractionPrinted, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (fractionPrinted <= 0 || await SpoolStore.HasUsageAsync(session, job.Id, cancellationToken))
        {
            return;
        }

        if (await GramsAsync(session, job, cancellationToken) is not { } wholeJob)
        {
            logger.LogWarning("Job {JobId}'s filament is unknown (G-code {GcodePath} missing and never measured); no usage recorded", job.Id, job.GcodePath);
            return;
        }

        var grams = Math.Round(wholeJob * Math.Min(fractionPrinted, 1), 2);
        var spool = await SpoolStore.FindOnPrinterAsync(session, printerId, cancellationToken);
        if (spool is not null && !(string.Equals(spool.Material, job.Material, StringComparison.OrdinalIgnoreCase)
            && string.Equals(spool.Colour, job.Colour, StringComparison.OrdinalIgnoreCase)))
        {
            // The job printed in what it asked for, so the spool on record is not what is really loaded.
            logger.LogWarning("Spool record out of date on {PrinterId}: {SpoolId} is {SpoolMaterial} {SpoolColour} but job {JobId} printed {Material} {Colour}",
                printerId, spool.Id, spool.Material, spool.Colour, job.Id, job.Material, job.Colour);
            spool = null;
        }

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

    private async Task<double?> GramsAsync(DbSession session, PrintJob job, CancellationToken cancellationToken)
    {
        if (await SpoolStore.KnownFilamentGramsAsync(session, job.GcodeSha256, cancellationToken) is { } known)
        {
            return Math.Round(known, 2);
        }

        if (_analysed.TryGetValue(job.GcodeSha256, out var cached))
        {
            return cached;
        }

        // A missing file is not cached: it may be restored, and 0 g would be a false record.
        var file = Path.Combine(paths.DataDirectory, job.GcodePath);
        if (!File.Exists(file))
        {
            return null;
        }

        return _analysed.GetOrAdd(job.GcodeSha256, _ => Math.Round(GcodeAnalyzer.Analyze(file).FilamentGrams, 2));
    }
}
