using Microsoft.Data.Sqlite;

namespace MakerShop.Bench.MakerLive;

/// <summary>Reads the host's database read-only, as an auditor would: how many printers the shop has seen come online.</summary>
internal static class FleetState
{
    public static async Task<long> OnlineAsync(string dataDirectory, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "makershop.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM printers WHERE status <> 'Offline'";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
