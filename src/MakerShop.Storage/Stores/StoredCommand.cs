namespace MakerShop.Storage.Stores;

/// <summary>A row of the command outbox; <see cref="Payload"/> is the exact JSON published, so a re-send is byte-identical.</summary>
public sealed record StoredCommand
{
    internal const string Columns =
        "id AS Id, printer_id AS PrinterId, job_id AS JobId, kind AS Kind, payload AS Payload, created_at AS CreatedAtText, send_count AS SendCount";

    public string Id { get; init; } = "";

    public string PrinterId { get; init; } = "";

    public string? JobId { get; init; }

    public string Kind { get; init; } = "";

    public string Payload { get; init; } = "";

    public long SendCount { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    // Dapper fills this from the text column; CreatedAt is what callers use.
    internal string CreatedAtText
    {
        get => DbTime.Write(CreatedAt);
        init => CreatedAt = DbTime.Read(value);
    }
}
