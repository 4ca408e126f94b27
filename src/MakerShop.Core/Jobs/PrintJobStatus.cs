namespace MakerShop.Core;

public enum PrintJobStatus
{
    Queued,
    Assigned,
    Transferring,
    Printing,
    Paused,
    Completed,
    Failed,
    Cancelled,
}
