using System.ComponentModel.DataAnnotations;
using MakerShop.FirmwareBridge.Gcode;
using MakerShop.FirmwareBridge.Transport;

namespace MakerShop.FirmwareBridge;

/// <summary>One bridge's settings, bound from the "Bridge" configuration section.</summary>
public sealed record BridgeOptions : IValidatableObject
{
    public const string SectionName = "Bridge";

    [Required]
    public string PrinterId { get; init; } = string.Empty;

    /// <summary>MQTT password and HTTP Basic secret; never logged.</summary>
    [Required]
    public string Secret { get; init; } = string.Empty;

    [Required]
    public string MqttHost { get; init; } = "127.0.0.1";

    [Range(1, 65535)]
    public int MqttPort { get; init; } = 1883;

    /// <summary>How the firmware is reached: <see cref="FirmwareHost"/>:<see cref="FirmwarePort"/>, or <see cref="SerialPort"/>.</summary>
    public FirmwareTransportKind Transport { get; init; } = FirmwareTransportKind.Tcp;

    public string FirmwareHost { get; init; } = "127.0.0.1";

    /// <summary>Required (1–65535) for <see cref="FirmwareTransportKind.Tcp"/>.</summary>
    public int FirmwarePort { get; init; }

    /// <summary>Required for <see cref="FirmwareTransportKind.Serial"/>: "/dev/ttyUSB0", "/dev/ttyACM0", "COM3".</summary>
    public string? SerialPort { get; init; }

    /// <summary>115200 is Marlin's and Prusa's default; 250000 is common; Klipper's pseudo-tty ignores it.</summary>
    [Range(1200, 4_000_000)]
    public int BaudRate { get; init; } = 115_200;

    /// <summary>Ping-pong (one line in flight) is the safe default; Windowed keeps <see cref="WindowSize"/> in flight.</summary>
    public FlowControl FlowControl { get; init; } = FlowControl.PingPong;

    /// <summary>Lines in flight when windowed: the firmware's command buffer (Marlin's BUFSIZE, 4 by default).</summary>
    [Range(1, 64)]
    public int WindowSize { get; init; } = 4;

    /// <summary>
    /// Where downloaded G-code is kept, as {jobId}.gcode (and .gcode.part while downloading), and the bridge journal
    /// (bridge-state.json) that carries the last job's outcome, applied command ids and unpublished messages across restarts.
    /// </summary>
    [Required]
    public string WorkDirectory { get; init; } = "gcode";

    /// <summary>The printer clears its own bed, so a finished job leaves it Idle instead of Finished.</summary>
    public bool AutoEject { get; init; }

    /// <summary>How often telemetry goes out, and the M155 auto-report or M105 poll interval.</summary>
    public TimeSpan TelemetryInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan OkTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for the firmware's "start" after connecting (opening a serial port resets most boards).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Firmware macros that block without busy lines (Klipper's BED_MESH_CALIBRATE, …), on top of G28/G29/M109/….</summary>
    public IReadOnlyList<string> LongRunningCommands { get; init; } = [];

    /// <summary>The streaming engine's share of these settings.</summary>
    public GcodeLinkOptions ToLinkOptions() => new()
    {
        FlowControl = FlowControl,
        WindowSize = WindowSize,
        OkTimeout = OkTimeout,
        StartTimeout = StartTimeout,
        ExtraLongRunningCommands = LongRunningCommands,
    };

    /// <summary>Cross-field rules: each transport's own settings, and positive intervals.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        switch (Transport)
        {
            case FirmwareTransportKind.Tcp:
                if (string.IsNullOrWhiteSpace(FirmwareHost))
                {
                    yield return new ValidationResult("FirmwareHost is required for the Tcp transport.", [nameof(FirmwareHost)]);
                }

                if (FirmwarePort is < 1 or > 65535)
                {
                    yield return new ValidationResult("FirmwarePort must be between 1 and 65535 for the Tcp transport.", [nameof(FirmwarePort)]);
                }

                break;
            case FirmwareTransportKind.Serial:
                if (string.IsNullOrWhiteSpace(SerialPort))
                {
                    yield return new ValidationResult("SerialPort is required for the Serial transport (e.g. /dev/ttyUSB0).", [nameof(SerialPort)]);
                }

                break;
            default:
                yield return new ValidationResult($"Transport must be Tcp or Serial, not {Transport}.", [nameof(Transport)]);
                break;
        }

        foreach (var (name, value) in new[] { (nameof(OkTimeout), OkTimeout), (nameof(TelemetryInterval), TelemetryInterval), (nameof(StartTimeout), StartTimeout) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return new ValidationResult($"{name} must be positive.", [name]);
            }
        }
    }

    public override string ToString() =>
        $"BridgeOptions {{ PrinterId = {PrinterId}, Mqtt = {MqttHost}:{MqttPort}, Firmware = {FirmwareEndpoint}, FlowControl = {FlowControl}/{WindowSize}, AutoEject = {AutoEject} }}";

    private string FirmwareEndpoint => Transport == FirmwareTransportKind.Serial ? $"serial {SerialPort} @ {BaudRate}" : $"tcp {FirmwareHost}:{FirmwarePort}";
}
