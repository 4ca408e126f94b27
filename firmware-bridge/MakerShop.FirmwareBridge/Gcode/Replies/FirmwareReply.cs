using MakerShop.Contracts.Mqtt;

namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>One firmware line, classified, with whatever the parsers read from it.</summary>
public sealed record FirmwareReply(FirmwareReplyKind Kind, string Line)
{
    /// <summary>For <see cref="FirmwareReplyKind.Resend"/>: the line number asked for.</summary>
    public long? ResendLine { get; init; }

    /// <summary>For <see cref="FirmwareReplyKind.Resend"/>: the digits as written, to spot noise like "034497".</summary>
    public string? ResendDigits { get; init; }

    public OkReport? Ok { get; init; }

    public TemperatureReport? Temperatures { get; init; }

    public IReadOnlyList<HeaterReading>? Heaters => Temperatures?.Heaters;

    public FirmwareErrorKind? Error { get; init; }

    public HostAction? Action { get; init; }

    public FirmwareProgressReport? Progress { get; init; }

    public static FirmwareReply Disconnected { get; } = new(FirmwareReplyKind.Disconnected, string.Empty);
}
