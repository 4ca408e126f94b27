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

    public event Action<IReadOnlyList<HeaterReading>>? TemperaturesReported;

    public event Action<string>? FirmwareIdentified;

    public event Action<string>? FirmwareErrorReported;

    public event Action<HostAction>? HostActionReceived;

    public event Action? FirmwareReset;

    public event Action<FirmwareProgressReport>? FirmwareProgressReported;

    public string? HaltReason => Volatile.Read(ref haltReason);

    public FirmwareCapabilities Capabilities => Volatile.Read(ref capabilities);

    public void Observe(FirmwareReply reply)
    {
        if (reply.Heaters is { } heaters)
        {
            TemperaturesReported?.Invoke(heaters);
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
            case FirmwareReplyKind.FirmwareInfo:
                ObserveFirmwareInfo(reply.Line);
                break;
            case FirmwareReplyKind.Ok when reply.Line.Contains("FIRMWARE_NAME:", StringComparison.Ordinal):
                // Klipper appends its M115 answer to the ok.
                ObserveFirmwareInfo(reply.Line);
                break;
            case FirmwareReplyKind.Info when reply.Line.Contains("Unknown command", StringComparison.OrdinalIgnoreCase):
                logger.LogWarning("Firmware did not know a command: {FirmwareMessage}", reply.Line);
                break;
            default:
                break;
        }
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
