using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

public sealed class UserStore(SqliteConnectionFactory connections)
{
    private const string Select =
        """
        SELECT id AS Id, email AS Email, display_name AS DisplayName, role AS Role, maker_id AS MakerId,
               password_hash AS PasswordHash, security_stamp AS SecurityStamp, disabled AS Disabled
        FROM users
        """;

    /// <summary>Stores a new account; false when the e-mail address already has one.</summary>
    public async Task<bool> TryInsertAsync(StoredUser user, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO users (id, email, display_name, role, maker_id, password_hash, security_stamp, disabled, created_at)
            VALUES (@Id, @Email, @DisplayName, @Role, @MakerId, @PasswordHash, @SecurityStamp, 0, @At)
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
                At = DbTime.Write(at),
            },
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

    public async Task UpdatePasswordAsync(string id, string passwordHash, string securityStamp, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET password_hash = @Hash, security_stamp = @Stamp WHERE id = @Id",
            new { Id = id, Hash = passwordHash, Stamp = securityStamp },
            cancellationToken: cancellationToken));
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
        return row is null
            ? null
            : new StoredUser(new UserAccount(row.Id, row.Email, row.DisplayName, Enum.Parse<UserRole>(row.Role), row.MakerId, row.Disabled != 0), row.PasswordHash, row.SecurityStamp);
    }

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
    }
}
