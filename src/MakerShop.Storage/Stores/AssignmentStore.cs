using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>
/// Writes an assignment as a claim on both rows: the printer only if it is still idle, free, in service, bed clear and
/// of an active maker; the job only if it is still queued, not held and not pinned elsewhere. Either both change or
/// neither does, so two dispatchers working from the same stale snapshot (two shop nodes, say) can never give one job
/// to two printers or two jobs to one printer: the second claim finds the rows taken and changes nothing.
/// </summary>
public static class AssignmentStore
{
    /// <summary>
    /// Claims the rows for <paramref name="job"/> (already Assigned in memory) and <paramref name="printer"/> (already
    /// reserved for it). Returns false, with nothing written, when either was taken or changed since it was read.
    /// </summary>
    public static async Task<bool> TryClaimAsync(DbSession session, PrintJob job, Printer printer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(printer);
        const string savepoint = "claim";
        await session.Transaction.SaveAsync(savepoint, cancellationToken);
        var printerClaimed = await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE printers SET status = @Status, current_job_id = @JobId, loaded_material = @LoadedMaterial, loaded_colour = @LoadedColour,
                updated_at = @UpdatedAt
            WHERE id = @Id AND status = 'Idle' AND current_job_id IS NULL AND in_service = 1 AND bed_clear = 1
                AND EXISTS (SELECT 1 FROM makers m WHERE m.id = printers.maker_id AND m.active = 1)
            """,
            new
            {
                printer.Id,
                Status = printer.Status.ToString(),
                JobId = printer.CurrentJobId,
                printer.LoadedMaterial,
                printer.LoadedColour,
                UpdatedAt = DbTime.Write(printer.UpdatedAt),
            },
            session.Transaction,
            cancellationToken: cancellationToken));
        var jobClaimed = printerClaimed == 1 && await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE print_jobs SET status = @Status, printer_id = @PrinterId, assignment_reason = @Reason, updated_at = @UpdatedAt
            WHERE id = @Id AND status = 'Queued' AND held = 0 AND (pinned_printer_id IS NULL OR pinned_printer_id = @PrinterId)
            """,
            new
            {
                job.Id,
                Status = job.Status.ToString(),
                job.PrinterId,
                Reason = job.AssignmentReason,
                UpdatedAt = DbTime.Write(job.UpdatedAt),
            },
            session.Transaction,
            cancellationToken: cancellationToken)) == 1;
        if (!jobClaimed)
        {
            await session.Transaction.RollbackAsync(savepoint, cancellationToken);
        }

        await session.Transaction.ReleaseAsync(savepoint, cancellationToken);
        return jobClaimed;
    }
}
