using System.Text;
using MakerShop.Contracts.Mqtt;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Production;

/// <summary>Builds outbox rows holding the exact JSON the bridge will receive.</summary>
public static class CommandFactory
{
    public static StoredCommand Start(string printerId, string jobId, Uri gcodeUrl, string sha256, long sizeBytes, DateTimeOffset at, string? material = null, string? colour = null) =>
        Create(printerId, jobId, PrinterCommandKind.Start, new StartJobArguments(jobId, gcodeUrl, sha256, sizeBytes) { Material = material, Colour = colour }, at);

    /// <summary>Pause, resume, cancel, emergency stop or bed cleared: no arguments beyond the job they concern.</summary>
    public static StoredCommand Control(string printerId, string? jobId, PrinterCommandKind kind, DateTimeOffset at) =>
        kind == PrinterCommandKind.Start
            ? throw new ArgumentException("A start command carries its G-code; use Start.", nameof(kind))
            : Create(printerId, jobId, kind, null, at);

    private static StoredCommand Create(string printerId, string? jobId, PrinterCommandKind kind, StartJobArguments? start, DateTimeOffset at)
    {
        var id = Ids.NewCommandId();
        var payload = new PrinterCommandPayload(id, kind, start, jobId, at);
        return new StoredCommand
        {
            Id = id,
            PrinterId = printerId,
            JobId = jobId,
            Kind = kind.ToString(),
            Payload = Encoding.UTF8.GetString(ContractJson.Serialize(payload)),
            CreatedAt = at,
        };
    }
}
