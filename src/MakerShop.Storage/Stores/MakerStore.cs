using Dapper;
using MakerShop.Core;
using Microsoft.Data.Sqlite;

namespace MakerShop.Storage.Stores;

/// <summary>The makers who run the fleet's printers.</summary>
public sealed class MakerStore(SqliteConnectionFactory connections)
{
    private const string Columns = "id AS Id, name AS Name, country_code AS CountryCode, active AS Active, updated_at AS UpdatedAt";

    public static Task UpsertAsync(DbSession session, Maker maker, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(maker);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO makers (id, name, country_code, active, updated_at) VALUES (@Id, @Name, @CountryCode, @Active, @UpdatedAt)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, country_code = excluded.country_code, active = excluded.active,
                updated_at = excluded.updated_at
            """,
            new { maker.Id, maker.Name, maker.CountryCode, Active = maker.Active ? 1 : 0, UpdatedAt = DbTime.Write(maker.UpdatedAt) },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public static async Task<IReadOnlyList<Maker>> ListAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var rows = await connection.QueryAsync<MakerRow>(new CommandDefinition(
            $"SELECT {Columns} FROM makers ORDER BY id", transaction: transaction, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToMaker()).ToList();
    }

    public async Task<IReadOnlyList<Maker>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ListAsync(connection, null, cancellationToken);
    }

    private sealed class MakerRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string CountryCode { get; init; } = "";
        public long Active { get; init; }
        public string UpdatedAt { get; init; } = "";

        public Maker ToMaker() => Maker.Restore(Id, Name, CountryCode, Active != 0, DbTime.Read(UpdatedAt));
    }
}
