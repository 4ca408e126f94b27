namespace MakerShop.Contracts.Mqtt;

public enum PrinterEventKind
{
    JobStarted,
    JobProgress,
    JobCompleted,
    JobFailed,
    JobCancelled,
    FirmwareError,
}
