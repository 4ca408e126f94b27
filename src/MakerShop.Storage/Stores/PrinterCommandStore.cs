using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>The command outbox: stored before publishing, re-sent until the bridge acknowledges it.</summary>
public sealed class PrinterCommandStore(SqliteConnectionFactory connections)
{
    public static Task InsertAsync(DbSession session, StoredCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(command);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO printer_commands (id, printer_id, job_id, kind, payload, created_at, send_count)
            VALUES (@Id, @PrinterId, @JobId, @Kind, @Payload, @CreatedAt, 0)
            """,
            new { command.Id, command.PrinterId, command.JobId, command.Kind, command.Payload, CreatedAt = DbTime.Write(command.CreatedAt) },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>Records the first acknowledgement; returns the command, or null if unknown or already acknowledged.</summary>
    public static async Task<StoredCommand?> AcknowledgeAsync(DbSession session, string commandId, bool accepted, string? reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var changed = await session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE printer_commands SET acked_at = @At, accepted = @Accepted, ack_reason = @Reason WHERE id = @Id AND acked_at IS NULL",
            new { Id = commandId, At = DbTime.Write(at), Accepted = accepted ? 1 : 0, Reason = reason },
            session.Transaction,
            cancellationToken: cancellationToken));
        if (changed == 0)
        {
            return null;
        }

        return await session.Connection.QuerySingleAsync<StoredCommand>(new CommandDefinition(
            $"SELECT {StoredCommand.Columns} FROM printer_commands WHERE id = @Id",
            new { Id = commandId },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>Abandons unacknowledged commands for a job that no longer needs them (it ended, or was taken back).</summary>
    public static Task AbandonForJobAsync(DbSession session, string jobId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE printer_commands SET acked_at = @At, accepted = 0, ack_reason = 'abandoned' WHERE job_id = @JobId AND acked_at IS NULL",
            new { JobId = jobId, At = DbTime.Write(at) },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>Unacknowledged commands last sent before <paramref name="sentBefore"/> (or never sent).</summary>
    public async Task<IReadOnlyList<StoredCommand>> ListDueAsync(DateTimeOffset sentBefore, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredCommand>(new CommandDefinition(
            $"""
            SELECT {StoredCommand.Columns} FROM printer_commands
            WHERE acked_at IS NULL AND (last_sent_at IS NULL OR last_sent_at < @Before)
            ORDER BY created_at LIMIT @Limit
            """,
            new { Before = DbTime.Write(sentBefore), Limit = limit },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task MarkSentAsync(string commandId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE printer_commands SET last_sent_at = @At, send_count = send_count + 1 WHERE id = @Id",
            new { Id = commandId, At = DbTime.Write(at) },
            cancellationToken: cancellationToken));
    }
}
