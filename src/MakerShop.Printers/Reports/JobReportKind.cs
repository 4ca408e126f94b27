namespace MakerShop.Printers.Reports;

public enum JobReportKind
{
    Started,
    Progress,
    Completed,
    Failed,
    Cancelled,
    FirmwareError,
}
