using MakerShop.Contracts.Mqtt;

namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>
/// One firmware line, classified, with whatever the parsers read from it. Facts the bridge does not act on (a busy
/// reason, a position, Klipper's state, a lone heater target) are still read into their own fields here rather than
/// left in the text, so whoever needs them later finds them named.
/// </summary>
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

    /// <summary>For <see cref="FirmwareReplyKind.Busy"/>: what the firmware is waiting on.</summary>
    public FirmwareBusyReason? BusyReason { get; init; }

    /// <summary>An M114 answer, alone (<see cref="FirmwareReplyKind.Position"/>) or riding on an ok.</summary>
    public PositionReport? Position { get; init; }

    /// <summary>For <see cref="FirmwareReplyKind.TargetTemperature"/>: Repetier's separate target line.</summary>
    public HeaterTarget? Target { get; init; }

    /// <summary>Klipper's "// Klipper state: …" word ("Ready", "Shutdown", "Disconnect", "Not ready").</summary>
    public string? KlipperState { get; init; }

    public static FirmwareReply Disconnected { get; } = new(FirmwareReplyKind.Disconnected, string.Empty);
}
