namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>"//action:notification Filament runout" → Name "notification", Argument "Filament runout".</summary>
public sealed record HostAction(string Name, string? Argument)
{
    public const string Pause = "pause";
    public const string Paused = "paused";
    public const string Resume = "resume";
    public const string Resumed = "resumed";
    public const string Cancel = "cancel";
    public const string Disconnect = "disconnect";
    public const string Start = "start";
    public const string Notification = "notification";

    public bool IsPrompt => Name.StartsWith("prompt_", StringComparison.Ordinal);
}
