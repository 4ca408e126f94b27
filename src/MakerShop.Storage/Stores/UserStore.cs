using Dapper;
using MakerShop.Core;
using Microsoft.Data.Sqlite;

namespace MakerShop.Storage.Stores;

public sealed class UserStore(SqliteConnectionFactory connections)
{
    private const string Select =
        """
        SELECT id AS Id, email AS Email, display_name AS DisplayName, role AS Role, maker_id AS MakerId,
               password_hash AS PasswordHash, security_stamp AS SecurityStamp, disabled AS Disabled,
               must_change_password AS MustChangePassword
        FROM users
        """;

    /// <summary>Stores a new account; false when the e-mail address already has one.</summary>
    public async Task<bool> TryInsertAsync(StoredUser user, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await InsertAsync(connection, null, user, at, cancellationToken);
    }

    /// <summary>Stores a new account inside the caller's transaction; false when the e-mail address already has one.</summary>
    public static Task<bool> TryInsertAsync(DbSession session, StoredUser user, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return InsertAsync(session.Connection, session.Transaction, user, at, cancellationToken);
    }

    /// <summary>How many accounts of a role exist, read inside the caller's transaction.</summary>
    public static Task<int> CountAsync(DbSession session, UserRole role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM users WHERE role = @Role", new { Role = role.ToString() }, session.Transaction, cancellationToken: cancellationToken));
    }

    private static async Task<bool> InsertAsync(SqliteConnection connection, SqliteTransaction? transaction, StoredUser user, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO users (id, email, display_name, role, maker_id, password_hash, security_stamp, disabled, must_change_password, created_at)
            VALUES (@Id, @Email, @DisplayName, @Role, @MakerId, @PasswordHash, @SecurityStamp, 0, @MustChange, @At)
            ON CONFLICT (email) DO NOTHING
            """,
            new
            {
                user.Account.Id,
                user.Account.Email,
                user.Account.DisplayName,
                Role = user.Account.Role.ToString(),
                user.Account.MakerId,
                user.PasswordHash,
                user.SecurityStamp,
                MustChange = user.MustChangePassword ? 1 : 0,
                At = DbTime.Write(at),
            },
            transaction,
            cancellationToken: cancellationToken));
        return inserted == 1;
    }

    public Task<StoredUser?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        QueryAsync(Select + " WHERE email = @Value", email, cancellationToken);

    public Task<StoredUser?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        QueryAsync(Select + " WHERE id = @Value", id, cancellationToken);

    public async Task<int> CountAsync(UserRole role, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM users WHERE role = @Role", new { Role = role.ToString() }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// A new password and stamp (every session signed in before ends). <paramref name="mustChange"/> is true when someone
    /// else set it (the owner's reset): its holder must then choose their own at next sign-in.
    /// </summary>
    public async Task UpdatePasswordAsync(string id, string passwordHash, string securityStamp, bool mustChange = false, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET password_hash = @Hash, security_stamp = @Stamp, must_change_password = @MustChange WHERE id = @Id",
            new { Id = id, Hash = passwordHash, Stamp = securityStamp, MustChange = mustChange ? 1 : 0 },
            cancellationToken: cancellationToken));
    }

    /// <summary>Every account of a role, by e-mail address.</summary>
    public async Task<IReadOnlyList<StoredUser>> ListAsync(UserRole role, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + " WHERE role = @Role ORDER BY email", new { Role = role.ToString() }, cancellationToken: cancellationToken));
        return [.. rows.Select(ToUser)];
    }

    /// <summary>A new stamp ends every session of the account (each cookie carries the stamp it was issued with).</summary>
    public async Task ReplaceStampAsync(string id, string securityStamp, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET security_stamp = @Stamp WHERE id = @Id", new { Id = id, Stamp = securityStamp }, cancellationToken: cancellationToken));
    }

    /// <summary>Re-hashes with the current algorithm without ending sessions (the password itself did not change).</summary>
    public async Task UpgradeHashAsync(string id, string passwordHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET password_hash = @Hash WHERE id = @Id", new { Id = id, Hash = passwordHash }, cancellationToken: cancellationToken));
    }

    private async Task<StoredUser?> QueryAsync(string sql, string value, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, new { Value = value }, cancellationToken: cancellationToken));
        return row is null ? null : ToUser(row);
    }

    private static StoredUser ToUser(Row row) =>
        new(new UserAccount(row.Id, row.Email, row.DisplayName, Enum.Parse<UserRole>(row.Role), row.MakerId, row.Disabled != 0), row.PasswordHash, row.SecurityStamp, row.MustChangePassword != 0);

    private sealed class Row
    {
        public string Id { get; init; } = "";

        public string Email { get; init; } = "";

        public string DisplayName { get; init; } = "";

        public string Role { get; init; } = "";

        public string? MakerId { get; init; }

        public string PasswordHash { get; init; } = "";

        public string SecurityStamp { get; init; } = "";

        public long Disabled { get; init; }

        public long MustChangePassword { get; init; }
    }
}
