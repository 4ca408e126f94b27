using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>The counts behind the dashboard's "what to do now" cards, read in one round trip from the rows the work pages use.</summary>
public sealed class DashboardAttentionStore(SqliteConnectionFactory connections)
{
    /// <param name="stalledAfter">How long a queued job may wait before it counts as stalled (the scheduler's hold-out ceiling).</param>
    public async Task<DashboardAttention> ReadAsync(DateTimeOffset now, TimeSpan stalledAfter, string transferProvider, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<Row>(new CommandDefinition(
            """
            SELECT
              -- the same rows as "Payments to confirm": transfers awaited for orders still waiting for their money
              (SELECT COUNT(*) FROM payments p JOIN orders o ON o.id = p.order_id
                 WHERE p.provider = @Provider AND p.status = 'Pending' AND o.status = 'Placed') AS PaymentsToConfirm,
              (SELECT MIN(p.created_at) FROM payments p JOIN orders o ON o.id = p.order_id
                 WHERE p.provider = @Provider AND p.status = 'Pending' AND o.status = 'Placed') AS OldestPayment,
              (SELECT COUNT(*) FROM bank_receipts WHERE status = 'Open') AS ReceiptsToCheck,
              -- a printer that finished a job (or reports a part on its bed) takes nothing until a person clears it
              (SELECT COUNT(*) FROM printers WHERE status = 'NeedsBedClear'
                 OR (bed_clear = 0 AND in_service = 1 AND status = 'Idle')) AS BedsToClear,
              -- held jobs are the owner's own decision, not a stall
              (SELECT COUNT(*) FROM print_jobs WHERE status = 'Queued' AND held = 0 AND queued_at < @StalledBefore) AS JobsWaitingTooLong,
              -- the latest attempt of a unit failed and nothing replaced it: the attempts are used up
              (SELECT COUNT(*) FROM print_jobs j JOIN orders o ON o.id = j.order_id
                 WHERE j.status = 'Failed' AND o.status IN ('Paid', 'InProduction')
                   AND NOT EXISTS (SELECT 1 FROM print_jobs later WHERE later.order_id = j.order_id AND later.unit_index = j.unit_index AND later.attempt > j.attempt)
                   AND NOT EXISTS (SELECT 1 FROM print_jobs done WHERE done.order_id = j.order_id AND done.unit_index = j.unit_index AND done.status = 'Completed')) AS JobsFailed,
              (SELECT COUNT(*) FROM printers WHERE status = 'Error') AS PrintersInError,
              -- drafted when the order was produced, until it is handed over or the carrier scans it (a label alone is not a parcel on its way)
              (SELECT COUNT(*) FROM shipments s JOIN orders o ON o.id = s.order_id
                 WHERE s.status IN ('Draft', 'LabelCreated') AND o.status NOT IN ('Cancelled', 'Refunded')
                   AND NOT EXISTS (SELECT 1 FROM timeline_events t WHERE t.order_id = s.order_id AND t.kind = @HandedOver)) AS ParcelsToShip,
              (SELECT MIN(s.created_at) FROM shipments s JOIN orders o ON o.id = s.order_id
                 WHERE s.status IN ('Draft', 'LabelCreated') AND o.status NOT IN ('Cancelled', 'Refunded')
                   AND NOT EXISTS (SELECT 1 FROM timeline_events t WHERE t.order_id = s.order_id AND t.kind = @HandedOver)) AS OldestParcel,
              -- a failed delivery or an exception needs the carrier called; a returned parcel needs a decision until refunded
              (SELECT COUNT(*) FROM shipments s JOIN orders o ON o.id = s.order_id
                 WHERE s.status = 'Exception' OR (s.status = 'Returned' AND o.status NOT IN ('Cancelled', 'Refunded'))) AS TrackingExceptions
            """,
            new { Provider = transferProvider, StalledBefore = DbTime.Write(now - stalledAfter), HandedOver = ShipmentStore.HandedOverKind },
            cancellationToken: cancellationToken));
        return new DashboardAttention(
            (int)row.PaymentsToConfirm,
            (int)row.ReceiptsToCheck,
            DbTime.ReadOptional(row.OldestPayment),
            (int)row.BedsToClear,
            (int)row.JobsWaitingTooLong,
            (int)row.JobsFailed,
            (int)row.PrintersInError,
            (int)row.ParcelsToShip,
            DbTime.ReadOptional(row.OldestParcel),
            (int)row.TrackingExceptions);
    }

    private sealed class Row
    {
        public long PaymentsToConfirm { get; init; }

        public string? OldestPayment { get; init; }

        public long ReceiptsToCheck { get; init; }

        public long BedsToClear { get; init; }

        public long JobsWaitingTooLong { get; init; }

        public long JobsFailed { get; init; }

        public long PrintersInError { get; init; }

        public long ParcelsToShip { get; init; }

        public string? OldestParcel { get; init; }

        public long TrackingExceptions { get; init; }
    }
}
