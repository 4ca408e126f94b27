using MakerShop.Contracts.Mqtt;

namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>One firmware line, classified.</summary>
public sealed record FirmwareReply(
    FirmwareReplyKind Kind,
    string Line,
    long? ResendLine = null,
    IReadOnlyList<HeaterReading>? Heaters = null);
