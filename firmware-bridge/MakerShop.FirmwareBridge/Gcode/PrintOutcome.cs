namespace MakerShop.FirmwareBridge.Gcode;

public enum PrintOutcome
{
    Completed,
    Cancelled,
    Failed,
}
