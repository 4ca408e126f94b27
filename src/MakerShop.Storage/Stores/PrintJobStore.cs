using MakerShop.Core;
using Dapper;
using Microsoft.Data.Sqlite;

namespace MakerShop.Storage.Stores;

/// <summary>
/// Print jobs, one row per attempt. A quoted part's job prints the quote's slice, so the printer model it needs is
/// the one the quote was sliced for, read from the quote (see <see cref="QuotedPrinterModelJson"/>) rather than copied.
/// </summary>
public sealed class PrintJobStore(SqliteConnectionFactory connections)
{
    private const string Columns =
        """
        id AS Id, order_id AS OrderId, unit_index AS UnitIndex, product_id AS ProductId, material AS Material, colour AS Colour,
        part_x AS PartX, part_y AS PartY, part_z AS PartZ, estimated_seconds AS EstimatedSeconds, gcode_path AS GcodePath,
        gcode_sha256 AS GcodeSha256, gcode_size AS GcodeSize, ship_by AS ShipBy, express AS Express, attempt AS Attempt,
        max_attempts AS MaxAttempts, status AS Status, printer_id AS PrinterId, queued_at AS QueuedAt, started_at AS StartedAt,
        ended_at AS EndedAt, failure_reason AS FailureReason, progress AS Progress, updated_at AS UpdatedAt,
        pinned_printer_id AS PinnedPrinterId, held AS Held, assignment_reason AS AssignmentReason, priority AS Priority,
        (SELECT json_extract(q.document, '$.printerModel') FROM quotes q
            WHERE print_jobs.product_id LIKE 'quote:%' AND q.id = substr(print_jobs.product_id, 7)) AS QuotedPrinterModel
        """;

    public static Task InsertAsync(DbSession session, PrintJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO print_jobs (id, order_id, unit_index, product_id, material, colour, part_x, part_y, part_z, estimated_seconds,
                gcode_path, gcode_sha256, gcode_size, ship_by, express, attempt, max_attempts, status, printer_id, queued_at,
                started_at, ended_at, failure_reason, progress, updated_at, pinned_printer_id, held, assignment_reason, priority)
            VALUES (@Id, @OrderId, @UnitIndex, @ProductId, @Material, @Colour, @PartX, @PartY, @PartZ, @EstimatedSeconds,
                @GcodePath, @GcodeSha256, @GcodeSize, @ShipBy, @Express, @Attempt, @MaxAttempts, @Status, @PrinterId, @QueuedAt,
                @StartedAt, @EndedAt, @FailureReason, @Progress, @UpdatedAt, @PinnedPrinterId, @Held, @AssignmentReason, @Priority)
            """,
            JobRow.From(job),
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public static Task UpdateAsync(DbSession session, PrintJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE print_jobs SET status = @Status, printer_id = @PrinterId, started_at = @StartedAt, ended_at = @EndedAt,
                failure_reason = @FailureReason, progress = @Progress, updated_at = @UpdatedAt,
                pinned_printer_id = @PinnedPrinterId, held = @Held, assignment_reason = @AssignmentReason, priority = @Priority
            WHERE id = @Id
            """,
            JobRow.From(job),
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public static async Task<PrintJob?> GetAsync(DbSession session, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var row = await session.Connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(
            $"SELECT {Columns} FROM print_jobs WHERE id = @Id", new { Id = id }, session.Transaction, cancellationToken: cancellationToken));
        return row?.ToJob();
    }

    public static async Task<IReadOnlyList<PrintJob>> ListByStatusAsync(DbSession session, IReadOnlyCollection<PrintJobStatus> statuses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await QueryAsync(session.Connection, session.Transaction, $"SELECT {Columns} FROM print_jobs WHERE status IN @Statuses ORDER BY queued_at, id",
            new { Statuses = statuses.Select(s => s.ToString()).ToArray() }, cancellationToken);
    }

    /// <summary>
    /// What one scheduling pass weighs, read inside the caller's (read) transaction: per filament (material and colour)
    /// the first <see cref="QueueWindow.PerFilament"/> waiting jobs in the policy's own order, plus every job the owner
    /// pinned to a printer. Each filament's window is one seek on a partial index of waiting jobs, so a pass costs the
    /// same with a hundred or a million jobs queued; what is left out waits for a pass in which it is near the front.
    /// A filament is kept apart so that a long queue for one the free printers lack never hides the jobs they could print.
    /// </summary>
    public static async Task<IReadOnlyList<PrintJob>> ListQueueWindowAsync(
        SqliteConnection connection, SqliteTransaction? transaction, QueueWindow window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(window);
        var order = window.DeadlineOrder
            ? "priority DESC, express DESC, (unixepoch(ship_by) - estimated_seconds), queued_at, id"
            : "priority DESC, queued_at, id";
        var jobs = new List<PrintJob>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? material = null;
        var colour = "";
        for (var groups = 0; groups < window.MaxFilaments; groups++)
        {
            // A skip scan: the next (material, colour) after the last one, found by one seek on the partial index.
            var next = await connection.QueryFirstOrDefaultAsync<(string Material, string Colour)?>(new CommandDefinition(
                material is null
                    ? "SELECT material, colour FROM print_jobs WHERE status = 'Queued' AND held = 0 ORDER BY material, colour LIMIT 1"
                    : "SELECT material, colour FROM print_jobs WHERE status = 'Queued' AND held = 0 AND (material, colour) > (@Material, @Colour) ORDER BY material, colour LIMIT 1",
                new { Material = material, Colour = colour }, transaction, cancellationToken: cancellationToken));
            if (next is not { } group)
            {
                break;
            }

            (material, colour) = group;
            var rows = await QueryAsync(connection, transaction,
                $"SELECT {Columns} FROM print_jobs WHERE status = 'Queued' AND held = 0 AND material = @Material AND colour = @Colour ORDER BY {order} LIMIT @Limit",
                new { Material = material, Colour = colour, Limit = window.PerFilament }, cancellationToken);
            foreach (var job in rows)
            {
                if (seen.Add(job.Id))
                {
                    jobs.Add(job);
                }
            }
        }

        var pinned = await QueryAsync(connection, transaction,
            $"SELECT {Columns} FROM print_jobs WHERE status = 'Queued' AND held = 0 AND pinned_printer_id IS NOT NULL ORDER BY queued_at, id LIMIT @Limit",
            new { Limit = window.PerFilament }, cancellationToken);
        jobs.AddRange(pinned.Where(job => seen.Add(job.Id)));
        return jobs;
    }

    /// <summary>The whole queue, read inside the caller's (read) transaction.</summary>
    public static Task<IReadOnlyList<PrintJob>> ListQueuedAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken = default) =>
        QueryAsync(connection, transaction, $"SELECT {Columns} FROM print_jobs WHERE status = 'Queued' ORDER BY queued_at, id", new { }, cancellationToken);

    public static async Task<IReadOnlyList<PrintJob>> ListByOrderAsync(DbSession session, string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await QueryAsync(session.Connection, session.Transaction, $"SELECT {Columns} FROM print_jobs WHERE order_id = @OrderId ORDER BY unit_index, attempt",
            new { OrderId = orderId }, cancellationToken);
    }

    public async Task<IReadOnlyList<PrintJob>> ListByOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await QueryAsync(connection, null, $"SELECT {Columns} FROM print_jobs WHERE order_id = @OrderId ORDER BY unit_index, attempt",
            new { OrderId = orderId }, cancellationToken);
    }

    public async Task<PrintJob?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var jobs = await QueryAsync(connection, null, $"SELECT {Columns} FROM print_jobs WHERE id = @Id", new { Id = id }, cancellationToken);
        return jobs.Count == 0 ? null : jobs[0];
    }

    public async Task<IReadOnlyList<PrintJob>> ListAsync(PrintJobStatus? status, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return status is { } s
            ? await QueryAsync(connection, null, $"SELECT {Columns} FROM print_jobs WHERE status = @Status ORDER BY queued_at DESC, id LIMIT @Limit", new { Status = s.ToString(), Limit = limit }, cancellationToken)
            : await QueryAsync(connection, null, $"SELECT {Columns} FROM print_jobs ORDER BY queued_at DESC, id LIMIT @Limit", new { Limit = limit }, cancellationToken);
    }

    private static async Task<IReadOnlyList<PrintJob>> QueryAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, object parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<JobRow>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToJob()).ToList();
    }

    private sealed class JobRow
    {
        public string Id { get; init; } = "";
        public string OrderId { get; init; } = "";
        public long UnitIndex { get; init; }
        public string ProductId { get; init; } = "";
        public string Material { get; init; } = "";
        public string Colour { get; init; } = "";
        public double PartX { get; init; }
        public double PartY { get; init; }
        public double PartZ { get; init; }
        public long EstimatedSeconds { get; init; }
        public string GcodePath { get; init; } = "";
        public string GcodeSha256 { get; init; } = "";
        public long GcodeSize { get; init; }
        public string ShipBy { get; init; } = "";
        public long Express { get; init; }
        public long Attempt { get; init; }
        public long MaxAttempts { get; init; }
        public string Status { get; init; } = "";
        public string? PrinterId { get; init; }
        public string QueuedAt { get; init; } = "";
        public string? StartedAt { get; init; }
        public string? EndedAt { get; init; }
        public string? FailureReason { get; init; }
        public double? Progress { get; init; }
        public string UpdatedAt { get; init; } = "";
        public string? PinnedPrinterId { get; init; }
        public long Held { get; init; }
        public string? AssignmentReason { get; init; }
        public string? QuotedPrinterModel { get; init; }
        public long Priority { get; init; }

        public static JobRow From(PrintJob job) => new()
        {
            Id = job.Id,
            OrderId = job.OrderId,
            UnitIndex = job.UnitIndex,
            ProductId = job.ProductId,
            Material = job.Material,
            Colour = job.Colour,
            PartX = job.PartSize.X,
            PartY = job.PartSize.Y,
            PartZ = job.PartSize.Z,
            EstimatedSeconds = (long)job.EstimatedPrintTime.TotalSeconds,
            GcodePath = job.GcodePath,
            GcodeSha256 = job.GcodeSha256,
            GcodeSize = job.GcodeSizeBytes,
            ShipBy = DbTime.Write(job.ShipBy),
            Express = job.Express ? 1 : 0,
            Attempt = job.Attempt,
            MaxAttempts = job.MaxAttempts,
            Status = job.Status.ToString(),
            PrinterId = job.PrinterId,
            QueuedAt = DbTime.Write(job.QueuedAt),
            StartedAt = DbTime.Write(job.StartedAt),
            EndedAt = DbTime.Write(job.EndedAt),
            FailureReason = job.FailureReason,
            Progress = job.Progress,
            UpdatedAt = DbTime.Write(job.UpdatedAt),
            PinnedPrinterId = job.PinnedPrinterId,
            Held = job.Held ? 1 : 0,
            AssignmentReason = job.AssignmentReason,
            Priority = job.Priority,
        };

        public PrintJob ToJob() => PrintJob.Restore(
            id: Id,
            orderId: OrderId,
            unitIndex: (int)UnitIndex,
            productId: ProductId,
            material: Material,
            colour: Colour,
            partSize: new Size3(PartX, PartY, PartZ),
            estimatedPrintTime: TimeSpan.FromSeconds(EstimatedSeconds),
            gcodePath: GcodePath,
            gcodeSha256: GcodeSha256,
            gcodeSizeBytes: GcodeSize,
            shipBy: DbTime.Read(ShipBy),
            express: Express != 0,
            attempt: (int)Attempt,
            maxAttempts: (int)MaxAttempts,
            status: Enum.Parse<PrintJobStatus>(Status),
            printerId: PrinterId,
            queuedAt: DbTime.Read(QueuedAt),
            startedAt: DbTime.ReadOptional(StartedAt),
            endedAt: DbTime.ReadOptional(EndedAt),
            failureReason: FailureReason,
            progress: Progress,
            updatedAt: DbTime.Read(UpdatedAt),
            directives: PinnedPrinterId is null && Held == 0 && Priority == 0 ? JobDirectives.None : new JobDirectives(PinnedPrinterId, Held != 0, (int)Priority),
            assignmentReason: AssignmentReason,
            requiredPrinterModel: QuotedPrinterModelJson.Read(QuotedPrinterModel));
    }
}
