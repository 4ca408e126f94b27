using System.Text.Json;
using MakerShop.Contracts.Mqtt;
using Microsoft.Extensions.Logging;

namespace MakerShop.FirmwareBridge.Persistence;

/// <summary>
/// Keeps a <see cref="BridgeSnapshot"/> in <c>{workDirectory}/bridge-state.json</c>, so a restarted bridge still
/// knows how its last job ended, which command ids it applied and what it had not published yet. Each save writes
/// a temporary file and moves it over the old one, so a crash leaves either the old or the new file, never half of
/// one. A file that cannot be read is logged and ignored: the bridge then starts as a new one would.
/// </summary>
internal sealed class BridgeJournal
{
    public const string FileName = "bridge-state.json";

    private readonly Lock gate = new();
    private readonly string directory;
    private readonly string path;
    private readonly ILogger logger;
    private byte[] lastWritten = [];

    public BridgeJournal(string directory, ILogger logger)
    {
        this.directory = directory;
        this.logger = logger;
        path = Path.Combine(directory, FileName);
    }

    public string FilePath => path;

    public BridgeSnapshot Load()
    {
        byte[] json;
        try
        {
            if (!File.Exists(path))
            {
                return BridgeSnapshot.Empty;
            }

            json = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogError("Bridge journal {JournalPath} cannot be read and is ignored: {Reason}", path, ex.Message);
            return BridgeSnapshot.Empty;
        }

        if (Parse(json) is not { } snapshot)
        {
            logger.LogError("Bridge journal {JournalPath} is corrupt or of an unknown version and is ignored", path);
            return BridgeSnapshot.Empty;
        }

        lock (gate)
        {
            lastWritten = json;
        }

        return snapshot;
    }

    /// <summary>
    /// Takes the snapshot and writes it under one lock, so a newer snapshot is never overwritten by an older one;
    /// skips the write when nothing changed. A failed write is logged: the bridge goes on, it just remembers less.
    /// </summary>
    public void Save(Func<BridgeSnapshot> capture)
    {
        lock (gate)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(capture(), ContractJson.Options);
            if (json.AsSpan().SequenceEqual(lastWritten))
            {
                return;
            }

            var temporary = path + ".tmp";
            try
            {
                Directory.CreateDirectory(directory);
                using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    file.Write(json);
                    file.Flush(flushToDisk: true);
                }

                File.Move(temporary, path, overwrite: true);
                lastWritten = json;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogError("Bridge journal {JournalPath} could not be written: {Reason}", path, ex.Message);
            }
        }
    }

    private static BridgeSnapshot? Parse(byte[] json)
    {
        try
        {
            var snapshot = JsonSerializer.Deserialize<BridgeSnapshot>(json, ContractJson.Options);
            return snapshot is { SchemaVersion: BridgeSnapshot.CurrentSchemaVersion, Job: not null, AppliedCommands: not null, Outbox: not null }
                && snapshot.Outbox.All(entry => entry is { IsValid: true })
                && snapshot.AppliedCommands.All(ack => ack is { CommandId: not null })
                    ? snapshot
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
