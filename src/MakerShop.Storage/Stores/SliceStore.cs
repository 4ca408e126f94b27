using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>The slice cache, keyed by (model hash, profile hash).</summary>
public sealed class SliceStore(SqliteConnectionFactory connections)
{
    private const string Columns =
        """
        slice_key AS SliceKey, model_sha256 AS ModelSha256, profile_hash AS ProfileHash, material AS Material, gcode_path AS GcodePath,
        gcode_sha256 AS GcodeSha256, gcode_size AS GcodeSize, print_seconds AS PrintSeconds, filament_g AS FilamentGrams,
        filament_mm AS FilamentMm, layers AS Layers, slicer AS Slicer
        """;

    public async Task<StoredSlice?> GetAsync(string sliceKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredSlice>(new CommandDefinition(
            $"SELECT {Columns} FROM slices WHERE slice_key = @SliceKey", new { SliceKey = sliceKey }, cancellationToken: cancellationToken));
    }

    /// <summary>Stores a slice, or replaces a row whose G-code file had gone missing.</summary>
    public async Task PutAsync(StoredSlice slice, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slice);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO slices (slice_key, model_sha256, profile_hash, material, gcode_path, gcode_sha256, gcode_size, print_seconds,
                filament_g, filament_mm, layers, slicer, created_at)
            VALUES (@SliceKey, @ModelSha256, @ProfileHash, @Material, @GcodePath, @GcodeSha256, @GcodeSize, @PrintSeconds,
                @FilamentGrams, @FilamentMm, @Layers, @Slicer, @CreatedAt)
            ON CONFLICT (slice_key) DO UPDATE SET gcode_path = excluded.gcode_path, gcode_sha256 = excluded.gcode_sha256,
                gcode_size = excluded.gcode_size, print_seconds = excluded.print_seconds, filament_g = excluded.filament_g,
                filament_mm = excluded.filament_mm, layers = excluded.layers, slicer = excluded.slicer
            """,
            new
            {
                slice.SliceKey,
                slice.ModelSha256,
                slice.ProfileHash,
                slice.Material,
                slice.GcodePath,
                slice.GcodeSha256,
                slice.GcodeSize,
                slice.PrintSeconds,
                slice.FilamentGrams,
                slice.FilamentMm,
                slice.Layers,
                slice.Slicer,
                CreatedAt = DbTime.Write(at),
            },
            cancellationToken: cancellationToken));
    }
}
