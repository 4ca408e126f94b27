namespace MakerShop.Core;

/// <summary>
/// The part of a printer's state that decides which actions make sense now. Pages offer only these, and the action
/// path refuses the others, so a button that was shown a moment too long cannot pause an idle printer or clear the
/// bed of one that is printing.
/// </summary>
public sealed record PrinterControlState(PrinterStatus Status, bool HasJob, bool BedClear, bool InService)
{
    /// <summary>Every action, in the order a page shows them.</summary>
    public static IReadOnlyList<PrinterAction> All { get; } =
    [
        PrinterAction.BedCleared, PrinterAction.Pause, PrinterAction.Resume, PrinterAction.Cancel, PrinterAction.EmergencyStop,
        PrinterAction.LoadFilament, PrinterAction.TakeOutOfService, PrinterAction.ReturnToService,
    ];

    public IReadOnlyList<PrinterAction> Allowed => [.. All.Where(Allows)];

    public bool Allows(PrinterAction action) => action switch
    {
        PrinterAction.Pause => Status == PrinterStatus.Busy && HasJob,
        PrinterAction.Resume => Status == PrinterStatus.Paused && HasJob,
        PrinterAction.Cancel => Status is PrinterStatus.Busy or PrinterStatus.Paused && HasJob,
        // Heaters and motors off: worth it whenever the printer is there to hear it.
        PrinterAction.EmergencyStop => Status != PrinterStatus.Offline,
        // Also while faulted or offline: a person may clear the bed before the printer is back.
        PrinterAction.BedCleared => Status == PrinterStatus.NeedsBedClear
            || (Status is PrinterStatus.Idle or PrinterStatus.Error or PrinterStatus.Offline && !BedClear),
        // A spool swap only matters for the next job, so it is allowed in every state.
        PrinterAction.LoadFilament => true,
        PrinterAction.TakeOutOfService => InService,
        PrinterAction.ReturnToService => !InService,
        _ => false,
    };

    /// <summary>Why <paramref name="action"/> is not possible now, in words; null when it is.</summary>
    public string? WhyNot(PrinterAction action, string printerName)
    {
        if (Allows(action))
        {
            return null;
        }

        return action switch
        {
            PrinterAction.Pause => $"{printerName} is not printing, so there is nothing to pause.",
            PrinterAction.Resume => $"{printerName} is not paused, so there is nothing to resume.",
            PrinterAction.Cancel => $"{printerName} has no print running, so there is nothing to cancel.",
            PrinterAction.EmergencyStop => $"{printerName} is offline and cannot hear a stop.",
            PrinterAction.BedCleared => $"{printerName} is not waiting for its bed to be cleared.",
            PrinterAction.TakeOutOfService => $"{printerName} is already out of service.",
            PrinterAction.ReturnToService => $"{printerName} is already in service.",
            _ => $"{printerName} cannot do that now.",
        };
    }
}
