namespace MakerShop.Core;

/// <summary>
/// How a print ended, as far as the shop can tell. Only a completed print on a printer that ejects its own parts is
/// known to leave the bed clear; every other ending may have left plastic on it (a finished part, a half-printed one,
/// a blob after a fault), so the printer waits for a person to look (<see cref="Printer.BedNeedsConfirmingAfter"/>).
/// </summary>
public enum PrintEnding
{
    Completed,
    Failed,
    /// <summary>Stopped by a person, at the printer or from the shop.</summary>
    Cancelled,
    EmergencyStop,
    /// <summary>A print someone started at the printer itself (its screen, OctoPrint's page, Mainsail), not sent by the shop.</summary>
    NotStartedByShop,
    /// <summary>The print vanished without a word on how it ended: the printer, its server or its firmware restarted, or it came back idle.</summary>
    Unknown,
}
