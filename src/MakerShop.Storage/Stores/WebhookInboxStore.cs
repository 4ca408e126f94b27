using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>Tracking webhooks as received. A row is written before anything acts on it; its state says whether it was.</summary>
public sealed class WebhookInboxStore(SqliteConnectionFactory connections)
{
    public const string Received = "Received";
    public const string Processed = "Processed";

    /// <summary>Stores the event; false when (provider, event id) was already stored, i.e. a duplicate delivery.</summary>
    public async Task<bool> TryAddAsync(string provider, string eventId, string body, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO webhook_inbox (provider, event_id, body, received_at, state)
            VALUES (@Provider, @EventId, @Body, @At, @State)
            ON CONFLICT (provider, event_id) DO NOTHING
            """,
            new { Provider = provider, EventId = eventId, Body = body, At = DbTime.Write(at), State = Received },
            cancellationToken: cancellationToken));
        return inserted == 1;
    }

    public static Task MarkAsync(DbSession session, string provider, string eventId, string outcome, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE webhook_inbox SET state = @State, processed_at = @At, outcome = @Outcome WHERE provider = @Provider AND event_id = @EventId",
            new { Provider = provider, EventId = eventId, State = Processed, At = DbTime.Write(at), Outcome = outcome },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>Events stored but never processed (the host stopped in between), oldest first.</summary>
    public async Task<IReadOnlyList<InboxEntry>> ListUnprocessedAsync(DateTimeOffset receivedBefore, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<InboxEntry>(new CommandDefinition(
            "SELECT provider AS Provider, event_id AS EventId, body AS Body FROM webhook_inbox WHERE state = @State AND received_at < @Before ORDER BY id LIMIT @Limit",
            new { State = Received, Before = DbTime.Write(receivedBefore), Limit = limit },
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<long> CountAsync(string provider, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM webhook_inbox WHERE provider = @Provider", new { Provider = provider }, cancellationToken: cancellationToken));
    }

    public sealed record InboxEntry(string Provider, string EventId, string Body);
}
