using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>Filament stock: the spools and what each completed job took off them.</summary>
public sealed class SpoolStore(SqliteConnectionFactory connections)
{
    private const string Select =
        """
        SELECT id AS Id, material AS Material, colour AS Colour, brand AS Brand, grams_at_start AS GramsAtStart,
               grams_left AS GramsLeft, printer_id AS PrinterId, created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM spools
        """;

    public async Task InsertAsync(Spool spool, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spool);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO spools (id, material, colour, brand, grams_at_start, grams_left, printer_id, created_at, updated_at)
            VALUES (@Id, @Material, @Colour, @Brand, @GramsAtStart, @GramsLeft, @PrinterId, @CreatedAt, @UpdatedAt)
            """,
            Parameters(spool),
            cancellationToken: cancellationToken));
    }

    /// <summary>Inserts inside the caller's transaction, so a spool refused later in it (e.g. for an unknown printer) is never stored.</summary>
    public static Task InsertAsync(DbSession session, Spool spool, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(spool);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO spools (id, material, colour, brand, grams_at_start, grams_left, printer_id, created_at, updated_at)
            VALUES (@Id, @Material, @Colour, @Brand, @GramsAtStart, @GramsLeft, @PrinterId, @CreatedAt, @UpdatedAt)
            """,
            Parameters(spool),
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public static Task UpdateAsync(DbSession session, Spool spool, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE spools SET grams_left = @GramsLeft, printer_id = @PrinterId, updated_at = @UpdatedAt WHERE id = @Id",
            Parameters(spool),
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public static async Task<Spool?> GetAsync(DbSession session, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var row = await session.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Select + " WHERE id = @Id", new { Id = id }, session.Transaction, cancellationToken: cancellationToken));
        return row?.ToSpool();
    }

    /// <summary>The spool loaded on a printer: the newest one, should two have been left on it.</summary>
    public static async Task<Spool?> FindOnPrinterAsync(DbSession session, string printerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var row = await session.Connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
            Select + " WHERE printer_id = @PrinterId ORDER BY created_at DESC, id LIMIT 1", new { PrinterId = printerId }, session.Transaction, cancellationToken: cancellationToken));
        return row?.ToSpool();
    }

    /// <summary>Takes other spools off a printer when one is loaded on it.</summary>
    public static Task UnloadOthersAsync(DbSession session, string printerId, string keepSpoolId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE spools SET printer_id = NULL, updated_at = @At WHERE printer_id = @PrinterId AND id <> @Keep",
            new { PrinterId = printerId, Keep = keepSpoolId, At = DbTime.Write(at) },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>Records a job's use once; false when it was already recorded (a repeated completion).</summary>
    public static async Task<bool> TryRecordUsageAsync(DbSession session, string jobId, string? spoolId, string? printerId, double grams, double shortfall, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO spool_usage (job_id, spool_id, printer_id, grams, shortfall_grams, at) VALUES (@JobId, @SpoolId, @PrinterId, @Grams, @Shortfall, @At)
            ON CONFLICT (job_id) DO NOTHING
            """,
            new { JobId = jobId, SpoolId = spoolId, PrinterId = printerId, Grams = grams, Shortfall = shortfall, At = DbTime.Write(at) },
            session.Transaction,
            cancellationToken: cancellationToken)) == 1;
    }

    public static async Task<bool> HasUsageAsync(DbSession session, string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM spool_usage WHERE job_id = @JobId", new { JobId = jobId }, session.Transaction, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>What a G-code file extrudes when it was measured before: at a product's G-code upload, or by the quote's slicer.</summary>
    public static async Task<double?> KnownFilamentGramsAsync(DbSession session, string gcodeSha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.Connection.ExecuteScalarAsync<double?>(new CommandDefinition(
            """
            SELECT grams FROM (
                SELECT filament_grams AS grams FROM products WHERE gcode_sha256 = @Sha AND filament_grams IS NOT NULL
                UNION ALL
                SELECT filament_g AS grams FROM slices WHERE gcode_sha256 = @Sha)
            LIMIT 1
            """,
            new { Sha = gcodeSha256 },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Spool>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Select + " ORDER BY material, colour, grams_left, id", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSpool())];
    }

    public async Task<IReadOnlyList<Spool>> ListLowAsync(double thresholdGrams, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + " WHERE grams_left < @Threshold ORDER BY grams_left, id", new { Threshold = thresholdGrams }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSpool())];
    }

    private static object Parameters(Spool spool) => new
    {
        spool.Id,
        spool.Material,
        spool.Colour,
        spool.Brand,
        spool.GramsAtStart,
        spool.GramsLeft,
        spool.PrinterId,
        CreatedAt = DbTime.Write(spool.CreatedAt),
        UpdatedAt = DbTime.Write(spool.UpdatedAt),
    };

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Material { get; init; } = "";
        public string Colour { get; init; } = "";
        public string Brand { get; init; } = "";
        public double GramsAtStart { get; init; }
        public double GramsLeft { get; init; }
        public string? PrinterId { get; init; }
        public string CreatedAt { get; init; } = "";
        public string UpdatedAt { get; init; } = "";

        public Spool ToSpool() => Spool.Restore(Id, Material, Colour, Brand, GramsAtStart, GramsLeft, PrinterId, DbTime.Read(CreatedAt), DbTime.Read(UpdatedAt));
    }
}
