using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>Replaces a printer's device secret hash (rotation); the old secret stops working with the write.</summary>
public sealed class DeviceSecretStore(SqliteConnectionFactory connections)
{
    /// <summary>Returns false when there is no such printer.</summary>
    public async Task<bool> ReplaceAsync(string printerId, string secretHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE printers SET secret_hash = @Hash, updated_at = @Now WHERE id = @Id",
            new { Id = printerId, Hash = secretHash, Now = DbTime.Write(now) },
            cancellationToken: cancellationToken));
        return changed == 1;
    }
}
