namespace MakerShop.Printers.Reports;

public enum ReportedActivity
{
    Offline,
    Idle,
    /// <summary>Fetching and checking a job's G-code; nothing is printing yet.</summary>
    Transferring,
    Working,
    Paused,
    /// <summary>Finished a job and the part is still on the bed.</summary>
    AwaitingBedClear,
    Error,
}
