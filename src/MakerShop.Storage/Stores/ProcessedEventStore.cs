using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>Remembers which bridge events were applied, so a re-delivered one is recognised.</summary>
public static class ProcessedEventStore
{
    /// <summary>Returns true the first time an event id is seen, false for a duplicate.</summary>
    public static async Task<bool> TryRecordAsync(DbSession session, string eventId, string printerId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var inserted = await session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO processed_printer_events (event_id, printer_id, received_at) VALUES (@EventId, @PrinterId, @At) ON CONFLICT (printer_id, event_id) DO NOTHING",
            new { EventId = eventId, PrinterId = printerId, At = DbTime.Write(at) },
            session.Transaction,
            cancellationToken: cancellationToken));
        return inserted == 1;
    }
}
