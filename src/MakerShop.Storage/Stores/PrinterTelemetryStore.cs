using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>
/// Telemetry written in batches: the newest reading of each printer and its temperature history. Readings are
/// droppable, so a batch is one short transaction of its own that never waits on production writes for long.
/// </summary>
public sealed class PrinterTelemetryStore(SqliteConnectionFactory connections)
{
    /// <summary>Writes the newest telemetry of several printers and appends history samples, in one transaction.</summary>
    public async Task WriteBatchAsync(
        IReadOnlyCollection<KeyValuePair<string, string>> latestJson, IReadOnlyCollection<TemperatureSample> samples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(latestJson);
        ArgumentNullException.ThrowIfNull(samples);
        if (latestJson.Count == 0 && samples.Count == 0)
        {
            return;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE printers SET telemetry_json = @Json WHERE id = @Id",
            latestJson.Select(p => new { Id = p.Key, Json = p.Value }),
            transaction,
            cancellationToken: cancellationToken));
        // A sample for a printer removed meanwhile is skipped rather than failing the whole batch on the foreign key.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT OR IGNORE INTO printer_temperature_samples (printer_id, at, nozzle_actual, nozzle_target, bed_actual, bed_target)
            SELECT @PrinterId, @At, @NozzleActual, @NozzleTarget, @BedActual, @BedTarget WHERE EXISTS (SELECT 1 FROM printers WHERE id = @PrinterId)
            """,
            samples.Select(s => new { s.PrinterId, At = DbTime.Write(s.At), s.NozzleActual, s.NozzleTarget, s.BedActual, s.BedTarget }),
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The printer's samples from <paramref name="since"/> on, oldest first.</summary>
    public async Task<IReadOnlyList<TemperatureSample>> ListSinceAsync(string printerId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SampleRow>(new CommandDefinition(
            """
            SELECT printer_id AS PrinterId, at AS At, nozzle_actual AS NozzleActual, nozzle_target AS NozzleTarget,
                bed_actual AS BedActual, bed_target AS BedTarget
            FROM printer_temperature_samples WHERE printer_id = @PrinterId AND at >= @Since ORDER BY at
            """,
            new { PrinterId = printerId, Since = DbTime.Write(since) },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new TemperatureSample(r.PrinterId, DbTime.Read(r.At), r.NozzleActual, r.NozzleTarget, r.BedActual, r.BedTarget))];
    }

    /// <summary>Removes samples older than <paramref name="before"/>; returns how many.</summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM printer_temperature_samples WHERE at < @Before", new { Before = DbTime.Write(before) }, cancellationToken: cancellationToken));
    }

    private sealed class SampleRow
    {
        public string PrinterId { get; init; } = "";
        public string At { get; init; } = "";
        public double? NozzleActual { get; init; }
        public double? NozzleTarget { get; init; }
        public double? BedActual { get; init; }
        public double? BedTarget { get; init; }
    }
}
