namespace MakerShop.Contracts.Mqtt;

public enum PrinterCommandKind
{
    Start,
    Pause,
    Resume,
    Cancel,
    EmergencyStop,
    BedCleared,
}
