namespace MakerShop.Core;

public enum PrinterKind
{
    FirmwareBridge,
    OctoPrint,
    Moonraker,
}
