using System.ComponentModel.DataAnnotations;

namespace MakerShop.FirmwareBridge;

/// <summary>One bridge's settings, bound from the "Bridge" configuration section.</summary>
public sealed record BridgeOptions
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

    [Required]
    public string FirmwareHost { get; init; } = "127.0.0.1";

    [Range(1, 65535)]
    public int FirmwarePort { get; init; }

    /// <summary>
    /// Where downloaded G-code is kept, as {jobId}.gcode (and .gcode.part while downloading), and the bridge journal
    /// (bridge-state.json) that carries the last job's outcome, applied command ids and unpublished messages across restarts.
    /// </summary>
    [Required]
    public string WorkDirectory { get; init; } = "gcode";

    /// <summary>The printer clears its own bed, so a finished job leaves it Idle instead of Finished.</summary>
    public bool AutoEject { get; init; }

    public TimeSpan TelemetryInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan OkTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public override string ToString() =>
        $"BridgeOptions {{ PrinterId = {PrinterId}, Mqtt = {MqttHost}:{MqttPort}, Firmware = {FirmwareHost}:{FirmwarePort}, AutoEject = {AutoEject} }}";
}
