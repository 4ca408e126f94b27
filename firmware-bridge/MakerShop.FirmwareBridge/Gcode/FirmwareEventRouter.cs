using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Gcode.Replies;
using Microsoft.Extensions.Logging;

namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>
/// Turns classified firmware lines into the link's events and remembered facts (capabilities, halt reason), in one
/// place, whatever conversation is running. Runs on the read loop, so handlers must not block.
/// </summary>
internal sealed class FirmwareEventRouter(ILogger logger)
{
    private string? haltReason;
    private FirmwareCapabilities capabilities = FirmwareCapabilities.Unknown;
    private FirmwareBusyReason? lastBusyReason;

    public event Action<IReadOnlyList<HeaterReading>>? TemperaturesReported;

    public event Action<string>? FirmwareIdentified;

    public event Action<string>? FirmwareErrorReported;

    public event Action<HostAction>? HostActionReceived;

    public event Action? FirmwareReset;

    public event Action<FirmwareProgressReport>? FirmwareProgressReported;

    public event Action<PositionReport>? PositionReported;

    public event Action<FirmwareBusyReason>? BusyReported;

    public event Action<HeaterTarget>? HeaterTargetReported;

    public string? HaltReason => Volatile.Read(ref haltReason);

    public FirmwareCapabilities Capabilities => Volatile.Read(ref capabilities);

    public void Observe(FirmwareReply reply)
    {
        if (reply.Heaters is { } heaters)
        {
            TemperaturesReported?.Invoke(heaters);
        }

        if (reply.Position is { } position)
        {
            PositionReported?.Invoke(position);
        }

        switch (reply.Kind)
        {
            case FirmwareReplyKind.Fatal:
                Interlocked.CompareExchange(ref haltReason, reply.Line, null);
                logger.LogError("Firmware halted: {FirmwareMessage}", reply.Line);
                FirmwareErrorReported?.Invoke(reply.Line);
                break;
            case FirmwareReplyKind.Error when reply.Error == FirmwareErrorKind.Communication:
                logger.LogInformation("Firmware reported a communication error: {FirmwareMessage}", reply.Line);
                break;
            case FirmwareReplyKind.Error:
                logger.LogWarning("Firmware reported an error: {FirmwareMessage}", reply.Line);
                FirmwareErrorReported?.Invoke(reply.Line);
                break;
            case FirmwareReplyKind.Start:
                FirmwareReset?.Invoke();
                break;
            case FirmwareReplyKind.Action:
                logger.LogInformation("Firmware host action: {Action} {Argument}", reply.Action!.Name, reply.Action.Argument);
                HostActionReceived?.Invoke(reply.Action);
                break;
            case FirmwareReplyKind.Progress:
                FirmwareProgressReported?.Invoke(reply.Progress!);
                break;
            case FirmwareReplyKind.Busy when reply.BusyReason is { } reason:
                ObserveBusy(reason);
                break;
            case FirmwareReplyKind.TargetTemperature:
                HeaterTargetReported?.Invoke(reply.Target!);
                break;
            case FirmwareReplyKind.FirmwareInfo:
                ObserveFirmwareInfo(reply.Line);
                break;
            case FirmwareReplyKind.Ok when reply.Line.Contains("NAME:", StringComparison.Ordinal):
                // Klipper appends its M115 answer to the ok (FIRMWARE_NAME:, or Malyan's NAME:).
                ObserveFirmwareInfo(reply.Line);
                break;
            case FirmwareReplyKind.Info when reply.Line.Contains("Unknown command", StringComparison.OrdinalIgnoreCase):
                logger.LogWarning("Firmware did not know a command: {FirmwareMessage}", reply.Line);
                break;
            default:
                break;
        }
    }

    /// <summary>A wait on a person is worth a line in the log once, not every two seconds of keep-alive.</summary>
    private void ObserveBusy(FirmwareBusyReason reason)
    {
        var previous = lastBusyReason;
        lastBusyReason = reason;
        if (reason != previous && reason is FirmwareBusyReason.PausedForUser or FirmwareBusyReason.PausedForInput)
        {
            logger.LogInformation("Firmware waits for someone at the printer: {BusyReason}", reason);
        }

        BusyReported?.Invoke(reason);
    }

    private void ObserveFirmwareInfo(string line)
    {
        if (FirmwareInfoParser.TryParseIdentity(line) is { } identity)
        {
            // A new M115 answer starts a new picture: the firmware may have been reflashed across a reset.
            Volatile.Write(ref capabilities, FirmwareCapabilities.Unknown.WithIdentity(identity));
            if (identity.TryGetValue("FIRMWARE_NAME", out var name))
            {
                FirmwareIdentified?.Invoke(name);
            }
        }
        else if (FirmwareInfoParser.TryParseCapability(line, out var capability, out var enabled))
        {
            Volatile.Write(ref capabilities, capabilities.WithFlag(capability, enabled));
        }
    }
}
