namespace MakerShop.Core;

public enum PrinterStatus
{
    Offline,
    Idle,
    NeedsBedClear,
    Busy,
    Paused,
    Error,
}
