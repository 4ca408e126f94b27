using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>
/// Reads what one scheduling pass decides from, in one read transaction (a consistent snapshot) that holds no write
/// lock: the policy may take a while over a long queue, and the claims that follow re-check every row they change.
/// </summary>
public sealed class SchedulingSnapshotStore(SqliteConnectionFactory connections)
{
    private static readonly string ActiveOrDone =
        string.Join(", ", PrintJob.ActiveStates.Append(PrintJobStatus.Completed).Select(s => $"'{s}'"));

    public Task<SchedulingSnapshot> ReadAsync(DateTimeOffset now, IShippingEstimates shipping, SchedulingSettings settings, CancellationToken cancellationToken = default) =>
        ReadAsync(now, shipping, settings, QueueWindow.Default, cancellationToken);

    /// <summary>The fleet, and the part of the queue that <paramref name="window"/> lets one pass weigh.</summary>
    public async Task<SchedulingSnapshot> ReadAsync(
        DateTimeOffset now, IShippingEstimates shipping, SchedulingSettings settings, QueueWindow window, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var printers = await PrinterStore.ListAsync(connection, transaction, cancellationToken);
        if (!printers.Any(p => p.IsReady))
        {
            return new SchedulingSnapshot(now, [], printers, [], new Dictionary<string, SchedulingOrder>(), shipping, settings);
        }

        var queued = await PrintJobStore.ListQueueWindowAsync(connection, transaction, window, cancellationToken);
        var makers = await MakerStore.ListAsync(connection, transaction, cancellationToken);
        // One JSON parameter instead of a parameter per order: the window may name a thousand orders.
        var orderIds = System.Text.Json.JsonSerializer.Serialize(queued.Select(j => j.OrderId).Distinct(StringComparer.Ordinal));
        var destinations = queued.Count == 0 ? [] : await connection.QueryAsync<(string OrderId, string Country)>(new CommandDefinition(
            "SELECT id, address_country FROM orders WHERE id IN (SELECT value FROM json_each(@OrderIds)) ORDER BY id",
            new { OrderIds = orderIds },
            transaction: transaction,
            cancellationToken: cancellationToken));
        var makersOfOrders = queued.Count == 0 ? [] : await connection.QueryAsync<(string OrderId, string MakerId)>(new CommandDefinition(
            $"""
            SELECT DISTINCT j.order_id, p.maker_id FROM print_jobs j JOIN printers p ON p.id = j.printer_id
            WHERE j.status IN ({ActiveOrDone}) AND j.order_id IN (SELECT value FROM json_each(@OrderIds))
            ORDER BY j.order_id, p.maker_id
            """,
            new { OrderIds = orderIds },
            transaction: transaction,
            cancellationToken: cancellationToken));
        var makerLookup = makersOfOrders.ToLookup(r => r.OrderId, r => r.MakerId, StringComparer.Ordinal);
        var orders = destinations.ToDictionary(
            d => d.OrderId,
            d => new SchedulingOrder(d.OrderId, d.Country, makerLookup[d.OrderId].ToList()),
            StringComparer.Ordinal);
        return new SchedulingSnapshot(now, queued, printers, makers, orders, shipping, settings);
    }
}
