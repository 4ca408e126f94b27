using Microsoft.Data.Sqlite;

namespace MakerShop.Bench.Soak;

/// <summary>
/// The end check, from the host's SQLite file: every accepted order stored once, nothing stored for a corrupted request,
/// every unit printed exactly once or failed for good with a reason, and no job left in flight.
/// </summary>
public static class SoakAudit
{
    /// <summary>Job states that mean a printer still holds the job.</summary>
    public static readonly string[] InFlight = ["Assigned", "Transferring", "Printing", "Paused"];

    private static readonly string[] OrderDone = ["Produced", "Shipped", "Delivered", "Cancelled", "Refunded"];

    private sealed record JobRow(string OrderId, int Unit, string Status, int Attempt, int MaxAttempts, string? Reason);

    public static SqliteConnection OpenReadOnly(string dataDirectory) =>
        new($"Data Source={Path.Combine(dataDirectory, "makershop.db")};Mode=ReadOnly;Pooling=False");

    /// <summary>Jobs not yet finished (queued or on a printer), read while the host runs: the drain waits for zero.</summary>
    public static async Task<(int Queued, int InFlight)> CountUnfinishedAsync(string dataDirectory, CancellationToken ct)
    {
        await using var connection = OpenReadOnly(dataDirectory);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COALESCE(SUM(status = 'Queued'), 0),
                   COALESCE(SUM(status IN ('Assigned', 'Transferring', 'Printing', 'Paused')), 0)
            FROM print_jobs
            """;
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    public static async Task<SoakOutcome> RunAsync(string dataDirectory, OrderTraffic traffic, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        await using var connection = OpenReadOnly(dataDirectory);
        await connection.OpenAsync(ct);

        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT idempotency_key, order_id FROM idempotency_keys";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                keys[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var orderStatus = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, status FROM orders";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                orderStatus[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var jobs = new List<JobRow>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT order_id, unit_index, status, attempt, max_attempts, failure_reason FROM print_jobs";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                jobs.Add(new JobRow(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }

        var accepted = traffic.Accepted.Values.ToList();
        var ordersMissing = accepted.Count(a => !keys.TryGetValue(a.IdempotencyKey, out var id) || id != a.OrderId || !orderStatus.ContainsKey(id));
        var corruptStored = traffic.CorruptKeys.Count(keys.ContainsKey);
        var acceptedIds = accepted.Select(a => a.OrderId).ToHashSet(StringComparer.Ordinal);
        var strayOrders = orderStatus.Keys.Count(id => !acceptedIds.Contains(id));

        var byUnit = jobs.GroupBy(j => (j.OrderId, j.Unit)).ToDictionary(g => g.Key, g => g.ToList());
        int units = 0, printedOnce = 0, duplicates = 0, failedWithReason = 0, lost = 0, attempts = jobs.Count;
        var ordersWithFailedUnit = new HashSet<string>(StringComparer.Ordinal);
        foreach (var order in accepted)
        {
            // Units are numbered per order; a unit without any job row is lost as surely as one whose job vanished.
            var unitsInDb = byUnit.Keys.Where(k => k.OrderId == order.OrderId).Select(k => k.Unit).ToHashSet();
            units += order.Units;
            lost += Math.Max(0, order.Units - unitsInDb.Count);
            foreach (var unit in unitsInDb)
            {
                var rows = byUnit[(order.OrderId, unit)];
                var completed = rows.Count(r => r.Status == "Completed");
                if (completed >= 1)
                {
                    printedOnce++;
                    duplicates += completed - 1;
                    continue;
                }

                var last = rows.MaxBy(r => r.Attempt)!;
                if (last.Status is "Failed" or "Cancelled" && !string.IsNullOrWhiteSpace(last.Reason))
                {
                    failedWithReason++;
                    ordersWithFailedUnit.Add(order.OrderId);
                }
                else
                {
                    lost++;
                }
            }
        }

        var stuck = jobs.Count(j => InFlight.Contains(j.Status));
        var queued = jobs.Count(j => j.Status == "Queued");
        var ordersByStatus = orderStatus.Values.GroupBy(s => s, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var ordersUnfinished = accepted.Count(a =>
            orderStatus.TryGetValue(a.OrderId, out var status) && !OrderDone.Contains(status) && !ordersWithFailedUnit.Contains(a.OrderId));

        return new SoakOutcome(
            OrdersAccepted: accepted.Count,
            OrdersMissing: ordersMissing,
            StrayOrders: strayOrders,
            CorruptStored: corruptStored,
            Units: units,
            UnitsPrintedOnce: printedOnce,
            UnitsFailedWithReason: failedWithReason,
            Lost: lost,
            Duplicates: duplicates,
            PrintAttempts: attempts,
            FailedAttempts: jobs.Count(j => j.Status == "Failed"),
            StuckJobs: stuck,
            QueuedJobs: queued,
            OrdersUnfinished: ordersUnfinished,
            OrdersByStatus: ordersByStatus,
            FailureReasons: jobs.Where(j => j.Status == "Failed" && j.Reason is not null)
                .GroupBy(j => Shorten(j.Reason!), StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .Take(8)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
    }

    private static string Shorten(string reason) => reason.Length <= 90 ? reason : reason[..90] + "...";
}
