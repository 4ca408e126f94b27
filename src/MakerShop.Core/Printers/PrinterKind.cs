namespace MakerShop.Core;

public enum PrinterKind
{
    FirmwareBridge,
    OctoPrint,
    Moonraker,
    /// <summary>Prusa's Buddy firmware (MK4/MK4S, XL, MINI, CORE One) through its PrusaLink /api/v1.</summary>
    PrusaLink,
    /// <summary>A Bambu Lab printer in LAN mode: MQTT over TLS for state and commands, FTPS for files.</summary>
    BambuLan,
}
