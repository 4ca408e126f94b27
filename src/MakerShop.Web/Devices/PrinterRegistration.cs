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
    bool AutoEject);
