using MakerShop.Core;

namespace MakerShop.Web.Devices;

/// <summary>What registering a printer needs to know about it.</summary>
public sealed record PrinterRegistration(
    string Id,
    string Name,
    PrinterKind Kind,
    Size3 BuildVolume,
    double NozzleDiameter,
    string LoadedMaterial,
    string LoadedColour,
    string CountryCode,
    bool AutoEject)
{
    /// <summary>The maker who runs the printer, and its enclosure and nozzle; null means one of the shop's own.</summary>
    public PrinterEquipment? Equipment { get; init; }
}
