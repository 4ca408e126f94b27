using MakerShop.Core;
using Dapper;
using Microsoft.Data.Sqlite;

namespace MakerShop.Storage.Stores;

/// <summary>Printers as the shop sees them, their device secret hashes and their latest telemetry.</summary>
public sealed class PrinterStore(SqliteConnectionFactory connections)
{
    private const string Columns =
        """
        id AS Id, name AS Name, kind AS Kind, build_x AS BuildX, build_y AS BuildY, build_z AS BuildZ, nozzle_diameter AS NozzleDiameter,
        loaded_material AS LoadedMaterial, loaded_colour AS LoadedColour, country_code AS CountryCode, auto_eject AS AutoEject,
        in_service AS InService, status AS Status, current_job_id AS CurrentJobId, status_reason AS StatusReason,
        last_seen_at AS LastSeenAt, updated_at AS UpdatedAt, telemetry_json AS TelemetryJson, maker_id AS MakerId, enclosed AS Enclosed,
        hardened_nozzle AS HardenedNozzle, bed_clear AS BedClear, filament_json AS FilamentJson
        """;

    private const string Insert =
        """
        INSERT INTO printers (id, name, kind, build_x, build_y, build_z, nozzle_diameter, loaded_material, loaded_colour, country_code,
            auto_eject, in_service, status, current_job_id, status_reason, last_seen_at, updated_at, secret_hash,
            maker_id, enclosed, hardened_nozzle, bed_clear)
        VALUES (@Id, @Name, @Kind, @BuildX, @BuildY, @BuildZ, @NozzleDiameter, @LoadedMaterial, @LoadedColour, @CountryCode,
            @AutoEject, @InService, @Status, @CurrentJobId, @StatusReason, @LastSeenAt, @UpdatedAt, @SecretHash,
            @MakerId, @Enclosed, @HardenedNozzle, @BedClear)
        """;

    // SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE: the id is someone's already.
    private const int SqliteConstraint = 19;

    /// <summary>
    /// Adds a printer, or replaces its description and secret when the id is already registered. Only for printers
    /// the owner provisions (configuration, the demo fleet); a maker's registration uses <see cref="InsertAsync"/>.
    /// </summary>
    public static Task UpsertAsync(DbSession session, Printer printer, string secretHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(printer);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            Insert +
            """

            ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, build_x = excluded.build_x,
                build_y = excluded.build_y, build_z = excluded.build_z, nozzle_diameter = excluded.nozzle_diameter,
                loaded_material = excluded.loaded_material, loaded_colour = excluded.loaded_colour, country_code = excluded.country_code,
                auto_eject = excluded.auto_eject, secret_hash = excluded.secret_hash, updated_at = excluded.updated_at
            """,
            Parameters(printer, secretHash),
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Adds a new printer and never touches an existing one: an id that is taken (even by a registration committed a
    /// moment ago by someone else) is refused on the id field, so nobody can take over another maker's printer.
    /// </summary>
    public static async Task InsertAsync(DbSession session, Printer printer, string secretHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(printer);
        try
        {
            await session.Connection.ExecuteAsync(new CommandDefinition(Insert, Parameters(printer, secretHash), session.Transaction, cancellationToken: cancellationToken));
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            throw new DomainValidationException("id", $"The printer id '{printer.Id}' is already taken; choose another.");
        }
    }

    private static object Parameters(Printer printer, string secretHash) => new
    {
        printer.Id,
        printer.Name,
        Kind = printer.Kind.ToString(),
        BuildX = printer.BuildVolume.X,
        BuildY = printer.BuildVolume.Y,
        BuildZ = printer.BuildVolume.Z,
        printer.NozzleDiameter,
        printer.LoadedMaterial,
        printer.LoadedColour,
        printer.CountryCode,
        AutoEject = printer.AutoEject ? 1 : 0,
        InService = printer.InService ? 1 : 0,
        Status = printer.Status.ToString(),
        printer.CurrentJobId,
        printer.StatusReason,
        LastSeenAt = DbTime.Write(printer.LastSeenAt),
        UpdatedAt = DbTime.Write(printer.UpdatedAt),
        SecretHash = secretHash,
        printer.MakerId,
        Enclosed = printer.Enclosed ? 1 : 0,
        HardenedNozzle = printer.HardenedNozzle ? 1 : 0,
        BedClear = printer.BedClear ? 1 : 0,
    };

    public static Task UpdateAsync(DbSession session, Printer printer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(printer);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE printers SET status = @Status, current_job_id = @CurrentJobId, status_reason = @StatusReason, last_seen_at = @LastSeenAt,
                in_service = @InService, loaded_material = @LoadedMaterial, loaded_colour = @LoadedColour, updated_at = @UpdatedAt,
                bed_clear = @BedClear
            WHERE id = @Id
            """,
            new
            {
                printer.Id,
                Status = printer.Status.ToString(),
                printer.CurrentJobId,
                printer.StatusReason,
                LastSeenAt = DbTime.Write(printer.LastSeenAt),
                InService = printer.InService ? 1 : 0,
                printer.LoadedMaterial,
                printer.LoadedColour,
                UpdatedAt = DbTime.Write(printer.UpdatedAt),
                BedClear = printer.BedClear ? 1 : 0,
            },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public static Task UpdateTelemetryAsync(DbSession session, string printerId, string telemetryJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE printers SET telemetry_json = @Json WHERE id = @Id",
            new { Id = printerId, Json = telemetryJson },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>The spools the printer last said it holds (see migration 0018), in the same transaction as its state.</summary>
    public static Task UpdateFilamentAsync(DbSession session, string printerId, string filamentJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE printers SET filament_json = @Json WHERE id = @Id",
            new { Id = printerId, Json = filamentJson },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Records the printer's timestamp of a state snapshot; returns false (and records nothing) when a newer one
    /// was already applied, so a late, stale snapshot cannot undo what a newer one said.
    /// </summary>
    public static async Task<bool> TryAdvanceStateTimeAsync(DbSession session, string printerId, DateTimeOffset reportedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var at = DbTime.Write(reportedAt);
        var changed = await session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE printers SET last_state_at = @At WHERE id = @Id AND (last_state_at IS NULL OR last_state_at <= @At)",
            new { Id = printerId, At = at },
            session.Transaction,
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    /// <summary>Writes the latest telemetry on its own: it is droppable, so it takes no part in production transactions.</summary>
    public async Task UpdateTelemetryAsync(string printerId, string telemetryJson, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE printers SET telemetry_json = @Json WHERE id = @Id",
            new { Id = printerId, Json = telemetryJson },
            cancellationToken: cancellationToken));
    }

    public static async Task<Printer?> GetAsync(DbSession session, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var rows = await QueryAsync(session.Connection, session.Transaction, $"SELECT {Columns} FROM printers WHERE id = @Id", new { Id = id }, cancellationToken);
        return rows.Count == 0 ? null : rows[0].Printer;
    }

    public static async Task<IReadOnlyList<Printer>> ListAsync(DbSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await ListAsync(session.Connection, session.Transaction, cancellationToken);
    }

    public static async Task<IReadOnlyList<Printer>> ListAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(connection, transaction, $"SELECT {Columns} FROM printers ORDER BY id", null, cancellationToken);
        return rows.Select(r => r.Printer).ToList();
    }

    public async Task<IReadOnlyList<PrinterView>> ListWithTelemetryAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await QueryAsync(connection, null, $"SELECT {Columns} FROM printers ORDER BY id", null, cancellationToken);
    }

    public async Task<string?> GetSecretHashAsync(string printerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT secret_hash FROM printers WHERE id = @Id", new { Id = printerId }, cancellationToken: cancellationToken));
    }

    private static async Task<IReadOnlyList<PrinterView>> QueryAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, object? parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<PrinterRow>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        return rows.Select(r => new PrinterView(r.ToPrinter(), r.TelemetryJson) { FilamentJson = r.FilamentJson }).ToList();
    }

    private sealed class PrinterRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public double BuildX { get; init; }
        public double BuildY { get; init; }
        public double BuildZ { get; init; }
        public double NozzleDiameter { get; init; }
        public string LoadedMaterial { get; init; } = "";
        public string LoadedColour { get; init; } = "";
        public string CountryCode { get; init; } = "";
        public long AutoEject { get; init; }
        public long InService { get; init; }
        public string Status { get; init; } = "";
        public string? CurrentJobId { get; init; }
        public string? StatusReason { get; init; }
        public string? LastSeenAt { get; init; }
        public string UpdatedAt { get; init; } = "";
        public string? TelemetryJson { get; init; }

        public string? FilamentJson { get; init; }
        public string MakerId { get; init; } = Maker.ShopMakerId;
        public long Enclosed { get; init; }
        public long HardenedNozzle { get; init; }
        public long BedClear { get; init; }

        public Printer ToPrinter() => Printer.Restore(
            id: Id,
            name: Name,
            kind: Enum.Parse<PrinterKind>(Kind),
            buildVolume: new Size3(BuildX, BuildY, BuildZ),
            nozzleDiameter: NozzleDiameter,
            loadedMaterial: LoadedMaterial,
            loadedColour: LoadedColour,
            countryCode: CountryCode,
            autoEject: AutoEject != 0,
            inService: InService != 0,
            status: Enum.Parse<PrinterStatus>(Status),
            currentJobId: CurrentJobId,
            statusReason: StatusReason,
            lastSeenAt: DbTime.ReadOptional(LastSeenAt),
            updatedAt: DbTime.Read(UpdatedAt),
            equipment: new PrinterEquipment(MakerId, Enclosed != 0, HardenedNozzle != 0),
            bedClear: BedClear != 0);
    }
}
