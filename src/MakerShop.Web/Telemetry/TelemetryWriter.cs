using System.Text;
using MakerShop.Contracts.Mqtt;
using MakerShop.Storage.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Telemetry;

/// <summary>
/// Writes telemetry to the database in batches: every <see cref="TelemetryOptions.WriteIntervalSeconds"/> the newest
/// reading of each printer that reported, plus a history sample per printer at most every
/// <see cref="TelemetryOptions.SampleSeconds"/>; samples older than the retention window are pruned once a minute.
/// Two thousand printers reporting every second are then one transaction a second, not two thousand.
/// </summary>
public sealed partial class TelemetryWriter(
    PrinterTelemetryStore store,
    IOptions<TelemetryOptions> options,
    TimeProvider time,
    ILogger<TelemetryWriter> logger) : BackgroundService
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private Dictionary<string, string> _latest = new(StringComparer.Ordinal);
    private List<TemperatureSample> _samples = [];
    private readonly Dictionary<string, DateTimeOffset> _lastSampleAt = new(StringComparer.Ordinal);

    /// <summary>Queues the printer's newest readings (received at <paramref name="at"/>, the shop's clock).</summary>
    public void Enqueue(string printerId, IReadOnlyList<HeaterReading> heaters, string? jobId, double? progress, int? etaSeconds, DateTimeOffset at, bool storeLatest)
    {
        ArgumentNullException.ThrowIfNull(heaters);
        var json = storeLatest ? Encoding.UTF8.GetString(ContractJson.Serialize(new TelemetryPayload(heaters, jobId, progress, etaSeconds, at))) : null;
        lock (_gate)
        {
            if (json is not null)
            {
                _latest[printerId] = json;
            }

            if (heaters.Count > 0
                && (!_lastSampleAt.TryGetValue(printerId, out var last) || at - last >= TimeSpan.FromSeconds(options.Value.SampleSeconds)))
            {
                _lastSampleAt[printerId] = at;
                var nozzle = Heater(heaters, "tool0");
                var bed = Heater(heaters, "bed");
                _samples.Add(new TemperatureSample(printerId, at, nozzle?.Actual, nozzle?.Target, bed?.Actual, bed?.Target));
            }
        }
    }

    /// <summary>Writes what is queued now (also used at shutdown, so the last second is not lost).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        Dictionary<string, string> latest;
        List<TemperatureSample> samples;
        lock (_gate)
        {
            (latest, _latest) = (_latest, new Dictionary<string, string>(StringComparer.Ordinal));
            (samples, _samples) = (_samples, []);
        }

        try
        {
            await store.WriteBatchAsync(latest, samples, cancellationToken);
        }
        catch (SqliteException ex) when (ex.IsTransient)
        {
            // Readings are droppable; the next batch carries newer ones.
            LogDropped(logger, latest.Count, samples.Count, ex.Message);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.WriteIntervalSeconds), time);
        var nextPrune = time.GetUtcNow();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await FlushAsync(stoppingToken);
                    if (time.GetUtcNow() >= nextPrune)
                    {
                        nextPrune = time.GetUtcNow() + PruneInterval;
                        var pruned = await store.PruneAsync(time.GetUtcNow() - TimeSpan.FromMinutes(options.Value.RetentionMinutes), stoppingToken);
                        LogPruned(logger, pruned);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await FlushAsync(CancellationToken.None);
    }

    private static HeaterReading? Heater(IReadOnlyList<HeaterReading> heaters, string name) =>
        heaters.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dropped a telemetry batch ({Printers} printers, {Samples} samples): {Reason}")]
    private static partial void LogDropped(ILogger logger, int printers, int samples, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} temperature samples past retention")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A telemetry write failed; the next one tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
