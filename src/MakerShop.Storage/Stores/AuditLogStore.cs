using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>The append-only audit log.</summary>
public sealed class AuditLogStore(SqliteConnectionFactory connections)
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_log (at, user_id, user_email, action, target, detail, remote_ip)
            VALUES (@At, @UserId, @UserEmail, @Action, @Target, @Detail, @RemoteIp)
            """,
            new { At = DbTime.Write(entry.At), entry.UserId, entry.UserEmail, entry.Action, entry.Target, entry.Detail, entry.RemoteIp },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AuditEntry>> ListRecentAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT at AS At, user_id AS UserId, user_email AS UserEmail, action AS Action, target AS Target, detail AS Detail, remote_ip AS RemoteIp
            FROM audit_log ORDER BY id DESC LIMIT @Limit
            """,
            new { Limit = limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AuditEntry(DbTime.Read(r.At), r.UserId, r.UserEmail, r.Action, r.Target, r.Detail, r.RemoteIp))];
    }

    private sealed class Row
    {
        public string At { get; init; } = "";

        public string? UserId { get; init; }

        public string? UserEmail { get; init; }

        public string Action { get; init; } = "";

        public string? Target { get; init; }

        public string? Detail { get; init; }

        public string? RemoteIp { get; init; }
    }
}
