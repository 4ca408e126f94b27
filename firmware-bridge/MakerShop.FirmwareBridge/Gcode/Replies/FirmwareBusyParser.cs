namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>"echo:busy: paused for user" → <see cref="FirmwareBusyReason.PausedForUser"/>; MarlinKimbra drops the blank.</summary>
public static class FirmwareBusyParser
{
    private const string Marker = "busy:";

    public static bool IsBusy(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains(Marker, StringComparison.OrdinalIgnoreCase);
    }

    public static FirmwareBusyReason? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var reason = text[(at + Marker.Length)..].Trim();
        return reason.ToUpperInvariant() switch
        {
            "PROCESSING" => FirmwareBusyReason.Processing,
            "PAUSED FOR USER" => FirmwareBusyReason.PausedForUser,
            "PAUSED FOR INPUT" => FirmwareBusyReason.PausedForInput,
            "HEATING" => FirmwareBusyReason.Heating,
            "DOOR OPEN" => FirmwareBusyReason.DoorOpen,
            _ => FirmwareBusyReason.Other,
        };
    }
}
