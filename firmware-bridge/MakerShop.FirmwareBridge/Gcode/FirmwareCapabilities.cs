namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>
/// What M115 said: the identity fields (FIRMWARE_NAME, PROTOCOL_VERSION, …) and the Cap: flags. As in OctoPrint, a
/// feature is used only when its Cap: line enables it; a firmware that prints no Cap: lines gets the safe defaults
/// (poll M105, M112 through the queue).
/// </summary>
public sealed record FirmwareCapabilities
{
    public static FirmwareCapabilities Unknown { get; } = new();

    public IReadOnlyDictionary<string, string> Identity { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, bool> Flags { get; init; } = new Dictionary<string, bool>();

    public string? FirmwareName => Identity.TryGetValue("FIRMWARE_NAME", out var name) ? name : null;

    /// <summary>M155 works: heater states arrive on their own.</summary>
    public bool AutoReportTemperatures => Has("AUTOREPORT_TEMP");

    public bool AdvancedOk => Has("ADVANCED_OK");

    /// <summary>M112/M108/M410 act as the bytes arrive, even while the queue is blocked.</summary>
    public bool EmergencyParser => Has("EMERGENCY_PARSER");

    /// <summary>M73 progress is understood.</summary>
    public bool Progress => Has("PROGRESS");

    public bool HostActionCommands => Has("HOST_ACTION_COMMANDS");

    public bool Has(string capability) => Flags.TryGetValue(capability, out var enabled) && enabled;

    internal FirmwareCapabilities WithIdentity(IReadOnlyDictionary<string, string> identity) =>
        this with { Identity = identity };

    internal FirmwareCapabilities WithFlag(string name, bool enabled) =>
        this with { Flags = new Dictionary<string, bool>(Flags, StringComparer.Ordinal) { [name] = enabled } };
}
