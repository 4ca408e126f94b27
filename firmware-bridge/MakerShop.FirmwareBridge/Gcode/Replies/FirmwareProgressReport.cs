namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>
/// The firmware's own idea of progress: M27 ("SD printing byte 1234/56789", "Not SD printing") or M73
/// ("echo:  M73 Progress: 12%; Time left: 34m", Prusa "NORMAL MODE: Percent done: 12; print time remaining in mins: 34").
/// The bridge streams jobs itself, so these are informational: its own byte count drives job progress.
/// <see cref="SdPrintFinished"/> is the firmware's "Done printing file" at the end of a print from its own card
/// (Marlin, Repetier and Klipper all use these words).
/// </summary>
public sealed record FirmwareProgressReport(
    bool SdPrinting,
    long? SdBytePosition = null,
    long? SdFileSize = null,
    int? PercentDone = null,
    int? MinutesRemaining = null,
    bool SdPrintFinished = false);
