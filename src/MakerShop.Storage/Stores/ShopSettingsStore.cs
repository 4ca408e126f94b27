using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>The owner's overrides of configuration defaults, as key/value text.</summary>
public sealed class ShopSettingsStore(SqliteConnectionFactory connections)
{
    public async Task<IReadOnlyDictionary<string, string>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Key, string Value)>(new CommandDefinition(
            "SELECT key, value FROM shop_settings ORDER BY key", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
    }

    /// <summary>Saves every value in one transaction: a settings form is saved whole or not at all.</summary>
    public async Task SaveAsync(IReadOnlyDictionary<string, string> values, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        foreach (var (key, value) in values)
        {
            await session.Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO shop_settings (key, value, updated_at) VALUES (@Key, @Value, @At)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """,
                new { Key = key, Value = value, At = DbTime.Write(at) },
                session.Transaction,
                cancellationToken: cancellationToken));
        }

        await session.CommitAsync(cancellationToken);
    }
}
